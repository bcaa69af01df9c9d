package nl.doorstroom.platform.reference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * The municipality reference list, replaceable by pointing {@code doorstroom.reference.municipalities} elsewhere, and
 * the code lists. The code lists are the static {@link CodeLists} instances and deliberately not replaceable: the
 * validators use those, and a picker must offer exactly what validation accepts.
 */
@AutoConfiguration
public class ReferenceDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Municipalities municipalities(@Value("${doorstroom.reference.municipalities:" + Municipalities.DEFAULT_LOCATION + "}") Resource csv) {
        return Municipalities.load(csv);
    }

    @Bean
    IscoCodeList occupations() {
        return CodeLists.occupations();
    }

    @Bean
    CodeList<EducationLevel> educationLevels() {
        return CodeLists.educationLevels();
    }

    @Bean
    CodeList<ProficiencyLevel> cefrLevels() {
        return CodeLists.cefrLevels();
    }

    @Bean
    CodeList<NamedCode> countries() {
        return CodeLists.countries();
    }

    @Bean
    CodeList<NamedCode> languages() {
        return CodeLists.languages();
    }
}
