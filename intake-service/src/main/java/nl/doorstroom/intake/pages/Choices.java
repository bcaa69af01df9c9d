package nl.doorstroom.intake.pages;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.reference.CodeLists;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.NamedCode;

/**
 * What the pickers offer, from the same code lists and enums the input records are validated against, named in the
 * user's language: a picker cannot offer what the intake would refuse.
 */
@Component
public class Choices {

    private final MessageSource messages;
    private final Municipalities municipalities;

    Choices(MessageSource messages, Municipalities municipalities) {
        this.messages = messages;
        this.municipalities = municipalities;
    }

    public List<Option> countries(Locale locale) {
        return named(CodeLists.countries().all(), locale);
    }

    public List<Option> languages(Locale locale) {
        return named(CodeLists.languages().all(), locale);
    }

    /** ISCED 2011 levels with their comparable Dutch level, as the input's {@code ISCED_n} values. */
    public List<Option> iscedLevels(Locale locale) {
        return CodeLists.educationLevels().all().stream().map(level -> new Option("ISCED_" + level.code(),
                "ISCED " + level.code() + " – " + level.name(locale) + " (" + level.dutchComparable(locale) + ")")).toList();
    }

    /** ISCO-08 sub-major groups: the first two digits of an occupation code. */
    public List<Option> occupationGroups(Locale locale) {
        return CodeLists.occupations().all().stream().filter(group -> group.code().length() == 2)
                .map(group -> new Option(group.code(), group.code() + " – " + group.name(locale))).toList();
    }

    public List<Option> cefrLevels(Locale locale) {
        return CodeLists.cefrLevels().all().stream()
                .map(level -> new Option(level.code(), level.code() + " – " + level.name(locale))).toList();
    }

    /** Every municipality of today's set, by name, with its labour-market region. */
    public List<Option> municipalities(Locale locale) {
        return municipalities.all().stream()
                .sorted(Comparator.comparing(m -> m.name(), Collator.getInstance(locale)))
                .map(m -> new Option(m.code(), messages.getMessage("page.link.municipality-option",
                        new Object[]{m.name(), m.regionName()}, locale))).toList();
    }

    /** The constants of an enum, each named by the message {@code value.<prefix>.<CONSTANT>}. */
    public List<Option> of(Class<? extends Enum<?>> type, String prefix, Locale locale) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> new Option(constant.name(),
                messages.getMessage("value." + prefix + "." + constant.name(), null, constant.name(),
                        locale))).toList();
    }

    /** Names of codes as the person page shows them. */
    Names names(Locale locale) {
        return new Names(messages, municipalities, locale);
    }

    public String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static List<Option> named(List<NamedCode> codes, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return codes.stream().map(code -> new Option(code.code(), code.name(locale)))
                .sorted(Comparator.comparing(Option::label, collator)).toList();
    }
}
