package nl.doorstroom.intake.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.doorstroom.intake.earlyintake.EarlyIntake;
import nl.doorstroom.intake.household.Household;
import nl.doorstroom.intake.registration.PersonRegistration;
import nl.doorstroom.intake.registration.PersonalDetailsInput;

/** Form fields to the features' input records and back, without Spring or a broker. */
class FormBindingTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final FormBinding BINDING = new FormBinding(VALIDATION.getValidator(), messages());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("typeMismatch.java.time.LocalDate", Locale.ENGLISH, "enter a date as dd-mm-yyyy");
        messages.addMessage("typeMismatch", Locale.ENGLISH, "wrong format");
        messages.addMessage("field.children.birthYear", Locale.ENGLISH, "Birth year");
        messages.addMessage("page.form.row", Locale.ENGLISH, "{0} (row {1})");
        return messages;
    }

    @ParameterizedTest
    @CsvSource({"12-03-1994, 1994-03-12", "1994-03-12, 1994-03-12", "2/3/1994, 1994-03-02", "29.02.2024, 2024-02-29",
            "' 01-12-2000 ', 2000-12-01"})
    void acceptsDutchAndIsoDates(String typed, LocalDate expected) throws ParseException {
        assertThat(new PageDates().parse(typed, Locale.ENGLISH)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"31-02-2026", "2026-13-01", "12-03-94", "gisteren", "1994/03/12", "''"})
    void refusesWhatIsNoDate(String typed) {
        assertThatThrownBy(() -> new PageDates().parse(typed, Locale.ENGLISH)).isInstanceOf(ParseException.class);
    }

    @Test
    void bindsNestedRecordsAndListsAndKeepsTheEnteredValues() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("personalDetails.givenNames", "Amina");
        fields.add("personalDetails.familyName", "<b>Haddad</b>");
        fields.add("personalDetails.dateOfBirth", "12-03-1994");
        fields.add("personalDetails.sex", "FEMALE");
        fields.add("personalDetails.vNumber", "1234567890");
        fields.add("personalDetails.bsn", "");
        fields.add("personalDetails.countryOfOrigin", "SY");
        fields.add("personalDetails.languagesSpoken[0]", "ar");
        fields.add("personalDetails.languagesSpoken[1]", "");
        fields.add("personalDetails.languagesSpoken[2]", "ku");
        fields.add("personalDetails.literateInLatinScript", "true");
        fields.add("receptionLocation", "AZC-BUDEL");
        fields.add("familyReunification.anchorVNumber", "");

        FormBinding.Result<PersonRegistration> result = BINDING.bind(fields, PersonRegistration.class, r -> r, Locale.ENGLISH);

        assertThat(result.form().errors()).isEmpty();
        assertThat(result.value()).isEqualTo(new PersonRegistration(new PersonalDetailsInput("Amina", "<b>Haddad</b>",
                LocalDate.of(1994, 3, 12), PersonalDetailsInput.Sex.FEMALE, "1234567890", null, "SY", List.of("ar", "ku"),
                true), "AZC-BUDEL", null));
        assertThat(result.form().value("personalDetails.familyName")).isEqualTo("<b>Haddad</b>");
    }

    @Test
    void reportsUnconvertibleValuesAndConstraintsTogether() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("personalDetails.givenNames", "");
        fields.add("personalDetails.familyName", "Haddad");
        fields.add("personalDetails.dateOfBirth", "31-02-1994");
        fields.add("personalDetails.sex", "FEMALE");
        fields.add("personalDetails.vNumber", "12345");
        fields.add("personalDetails.countryOfOrigin", "SY");
        fields.add("receptionLocation", "AZC-BUDEL");

        FormBinding.Result<PersonRegistration> result = BINDING.bind(fields, PersonRegistration.class, r -> r, Locale.ENGLISH);

        assertThat(result.value()).isNull();
        assertThat(result.form().errors()).containsOnlyKeys("personalDetails.givenNames", "personalDetails.dateOfBirth",
                "personalDetails.vNumber");
        assertThat(result.form().errors().keySet()).as("in the order of the form")
                .containsExactly("personalDetails.givenNames", "personalDetails.dateOfBirth", "personalDetails.vNumber");
        assertThat(result.form().error("personalDetails.dateOfBirth")).isEqualTo("enter a date as dd-mm-yyyy");
        assertThat(result.form().value("personalDetails.dateOfBirth")).isEqualTo("31-02-1994");
    }

    @Test
    void leavesOutEmptyRowsAndNumbersTheRestAgain() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("version", "3");
        fields.add("children[0].birthYear", "");
        fields.add("children[0].inNetherlands", "");
        fields.add("children[1].birthYear", "2016");
        fields.add("children[1].inNetherlands", "true");
        fields.add("children[2].birthYear", "1800");
        fields.add("children[2].inNetherlands", "false");
        fields.add("expectedFamilyMembers[0].memberId", "");
        fields.add("expectedFamilyMembers[0].relationship", "");

        FormBinding.Result<Household> result = BINDING.bind(fields, Household.class, h -> new Household(h.version(),
                h.partner(), h.children() == null ? List.of() : h.children(),
                h.expectedFamilyMembers() == null ? List.of() : h.expectedFamilyMembers()), Locale.ENGLISH);

        assertThat(result.form().errors()).containsOnlyKeys("children[1].birthYear");
        assertThat(result.form().value("children[0].birthYear")).isEqualTo("2016");
        assertThat(result.form().rows("children")).isEqualTo(2);
        assertThat(BINDING.label("children[1].birthYear", Locale.ENGLISH)).isEqualTo("Birth year (row 2)");
    }

    @Test
    void anEditFormBindsBackToWhatWasRecorded() {
        EarlyIntake recorded = new EarlyIntake(4,
                new EarlyIntake.Education(EarlyIntake.IscedLevel.ISCED_3, EarlyIntake.DutchLevel.MBO_4, 12, "SY",
                        List.of(new EarlyIntake.Diploma("Elektrotechniek", "SY", 2012, true)),
                        new EarlyIntake.CredentialEvaluation(EarlyIntake.EvaluationStatus.REQUESTED, "IDW-123", null)),
                List.of(new EarlyIntake.WorkExperience("7411", "Elektricien", 6, "Bouw")),
                List.of(new EarlyIntake.LanguageLevel("nl", EarlyIntake.CefrSkill.LISTENING, EarlyIntake.CefrLevel.A2)),
                new EarlyIntake.Wishes("Elektricien", null, List.of("Techniek", "Bouw")),
                new EarlyIntake.Availability(32, List.of(EarlyIntake.CareDuty.CHILDREN, EarlyIntake.CareDuty.OTHER),
                        LocalDate.of(2026, 9, 1)));

        FormBinding.Result<EarlyIntake> result = BINDING.bind(FormValues.of(recorded), EarlyIntake.class, i -> i, Locale.ENGLISH);

        assertThat(result.form().errors()).isEmpty();
        assertThat(result.value()).isEqualTo(recorded);
    }

    @Test
    void checkboxesAndCommaSeparatedTextBecomeLists() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("availability.careDuties", "CHILDREN");
        fields.add("availability.careDuties", "OTHER");
        fields.add("wishes.sectors", "Techniek, Bouw");

        FormBinding.Result<EarlyIntake> result = BINDING.bind(fields, EarlyIntake.class, i -> i, Locale.ENGLISH);

        assertThat(result.form().errors()).containsOnlyKeys("version", "education", "workExperience", "languageLevels");
        assertThat(result.form().checked("availability.careDuties", EarlyIntake.CareDuty.OTHER)).isTrue();
        assertThat(result.form().joined("wishes.sectors")).isEqualTo("Techniek, Bouw");
        assertThat(FormValues.of(new EarlyIntake.Wishes(null, null, List.of("Techniek", "Bouw"))))
                .containsEntry("sectors[1]", List.of("Bouw"));
    }

    @Test
    void elementIdsFollowTheFieldNames() {
        assertThat(FormState.id("personalDetails.givenNames")).isEqualTo("personalDetails-givenNames");
        assertThat(FormState.id("children[2].birthYear")).isEqualTo("children-2-birthYear");
        assertThat(FormState.id("personalDetails.languagesSpoken[1]")).isEqualTo("personalDetails-languagesSpoken-1");
        assertThat(FormState.empty().id("decision", "GIVEN")).isEqualTo("decision-GIVEN");
    }
}
