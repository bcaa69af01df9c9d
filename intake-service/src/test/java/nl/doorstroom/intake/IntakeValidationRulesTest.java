package nl.doorstroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

import org.hibernate.validator.HibernateValidator;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import nl.doorstroom.intake.earlyintake.EarlyIntake;
import nl.doorstroom.intake.earlyintake.EarlyIntake.CefrLevel;
import nl.doorstroom.intake.earlyintake.EarlyIntake.CefrSkill;
import nl.doorstroom.intake.earlyintake.EarlyIntake.IscedLevel;
import nl.doorstroom.intake.linking.MunicipalityLink;
import nl.doorstroom.intake.registration.PersonRegistration;
import nl.doorstroom.intake.registration.PersonalDetailsInput;
import nl.doorstroom.platform.reference.KnownMunicipalityValidator;
import nl.doorstroom.platform.reference.Municipalities;

/** The intake's validation rules, field by field, without Spring or Kafka. */
class IntakeValidationRulesTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = factory(Locale.forLanguageTag("nl"));
        validator = factory.getValidator();
    }

    /** A validator as the service has it: the municipality list injected, messages in the given language. */
    static ValidatorFactory factory(Locale locale) {
        Municipalities municipalities = Municipalities.load(new ClassPathResource("reference/municipalities.csv"));
        ConstraintValidatorFactory plain = Validation.byDefaultProvider().configure().getDefaultConstraintValidatorFactory();
        return Validation.byProvider(HibernateValidator.class).configure().defaultLocale(locale)
                .constraintValidatorFactory(new ConstraintValidatorFactory() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                        return key == KnownMunicipalityValidator.class
                                ? (T) new KnownMunicipalityValidator(municipalities) : plain.getInstance(key);
                    }

                    @Override
                    public void releaseInstance(ConstraintValidator<?, ?> instance) {
                    }
                })
                .buildValidatorFactory();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** A registration with these personal details (sex female, no BSN, Arabic spoken). */
    static PersonRegistration reg(String givenNames, String familyName, LocalDate dateOfBirth, String vNumber,
                                  String countryOfOrigin, String receptionLocation) {
        return new PersonRegistration(new PersonalDetailsInput(givenNames, familyName, dateOfBirth, PersonalDetailsInput.Sex.FEMALE,
                vNumber, null, countryOfOrigin, List.of("ar"), true), receptionLocation, null);
    }

    static PersonRegistration registration() {
        return reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL");
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                Arguments.of("V-number of 9 digits", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "123456789", "SY", "AZC-BUDEL"), "personalDetails.vNumber"),
                Arguments.of("V-number of 11 digits", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "12345678901", "SY", "AZC-BUDEL"), "personalDetails.vNumber"),
                Arguments.of("V-number with letters", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "12345A7890", "SY", "AZC-BUDEL"), "personalDetails.vNumber"),
                Arguments.of("residence document number instead of V-number", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "III-V123AL568", "SY", "AZC-BUDEL"), "personalDetails.vNumber"),
                Arguments.of("missing V-number", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), null, "SY", "AZC-BUDEL"), "personalDetails.vNumber"),
                Arguments.of("birth date in the future", reg("Amina", "Haddad", LocalDate.now().plusDays(1), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.dateOfBirth"),
                Arguments.of("birth date over 120 years ago", reg("Amina", "Haddad", LocalDate.now().minusYears(121), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.dateOfBirth"),
                Arguments.of("missing birth date", reg("Amina", "Haddad", null, "1234567890", "SY", "AZC-BUDEL"), "personalDetails.dateOfBirth"),
                Arguments.of("blank given names", reg("  ", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.givenNames"),
                Arguments.of("line break in a name", reg("Amina\nX", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.givenNames"),
                Arguments.of("a right-to-left override in a name", reg("Amina\u202Eadammah", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.givenNames"),
                Arguments.of("a zero-width space in a name", reg("Amina", "Had\u200Bdad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.familyName"),
                Arguments.of("a byte order mark in a name", reg("\uFEFFAmina", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.givenNames"),
                Arguments.of("name over 100 characters", reg("Amina", "x".repeat(101), LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"), "personalDetails.familyName"),
                Arguments.of("unknown country", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "XX", "AZC-BUDEL"), "personalDetails.countryOfOrigin"),
                Arguments.of("alpha-3 country", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SYR", "AZC-BUDEL"), "personalDetails.countryOfOrigin"),
                Arguments.of("lower-case country", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "sy", "AZC-BUDEL"), "personalDetails.countryOfOrigin"),
                Arguments.of("lower-case reception location", reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "azc budel"), "receptionLocation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void aRegistrationIsRefusedOnTheRightField(String why, PersonRegistration registration, String field) {
        assertThat(fields(validator.validate(registration))).containsExactly(field);
    }

    @Test
    void aCompleteRegistrationIsValid() {
        assertThat(validator.validate(registration())).isEmpty();
        assertThat(validator.validate(reg("Amina", "Haddad", LocalDate.now(), "1234567890", "SY", "AZC-BUDEL"))).isEmpty();
        assertThat(validator.validate(reg("Anne-Marie O'Neil Çelik", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"))).isEmpty();
        assertThat(validator.validate(reg("أمينة", "حداد", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"))).isEmpty();
        assertThat(validator.validate(reg("Amina 😊", "Haddad", LocalDate.of(1994, 3, 12), "1234567890", "SY", "AZC-BUDEL"))).isEmpty();
    }

    static EarlyIntake intake() {
        return intake(null, null, null, null);
    }

    /** A complete intake with one part replaced where an argument is given. */
    static EarlyIntake intake(EarlyIntake.WorkExperience work, EarlyIntake.LanguageLevel language,
                              EarlyIntake.Education education, EarlyIntake.Wishes wishes) {
        return new EarlyIntake(1,
                education != null ? education : education(IscedLevel.ISCED_3, 12),
                List.of(work != null ? work : new EarlyIntake.WorkExperience("7411", "Elektricien", 6, "Bouw")),
                List.of(language != null ? language : new EarlyIntake.LanguageLevel("nl", CefrSkill.LISTENING, CefrLevel.A2)),
                wishes != null ? wishes : new EarlyIntake.Wishes("Elektricien", "MBO-diploma", List.of("Techniek")),
                new EarlyIntake.Availability(32, List.of(EarlyIntake.CareDuty.CHILDREN), null));
    }

    static EarlyIntake.Education education(IscedLevel level, Integer years) {
        return new EarlyIntake.Education(level, EarlyIntake.DutchLevel.MBO_4, years, "SY", List.of(), null);
    }

    static Stream<Arguments> invalidIntakes() {
        return Stream.of(
                Arguments.of("ISCO code of 3 digits", intake(new EarlyIntake.WorkExperience("741", "Elektricien", 6, null), null, null, null), "workExperience[0].iscoCode"),
                Arguments.of("ISCO code with letters", intake(new EarlyIntake.WorkExperience("74A1", "Elektricien", 6, null), null, null, null), "workExperience[0].iscoCode"),
                Arguments.of("ISCO code of 5 digits", intake(new EarlyIntake.WorkExperience("74111", "Elektricien", 6, null), null, null, null), "workExperience[0].iscoCode"),
                Arguments.of("ISCO code under no sub-major group (10)", intake(new EarlyIntake.WorkExperience("1011", "Directeur", 6, null), null, null, null), "workExperience[0].iscoCode"),
                Arguments.of("ISCO code under no sub-major group (04)", intake(new EarlyIntake.WorkExperience("0411", "Soldaat", 2, null), null, null, null), "workExperience[0].iscoCode"),
                Arguments.of("negative years of work", intake(new EarlyIntake.WorkExperience("7411", "Elektricien", -1, null), null, null, null), "workExperience[0].years"),
                Arguments.of("missing job title", intake(new EarlyIntake.WorkExperience("7411", "", 2, null), null, null, null), "workExperience[0].jobTitle"),
                Arguments.of("unknown language", intake(null, new EarlyIntake.LanguageLevel("xx", CefrSkill.READING, CefrLevel.B1), null, null), "languageLevels[0].language"),
                Arguments.of("language code in capitals", intake(null, new EarlyIntake.LanguageLevel("NL", CefrSkill.READING, CefrLevel.B1), null, null), "languageLevels[0].language"),
                Arguments.of("ISO 639-2 language code", intake(null, new EarlyIntake.LanguageLevel("ara", CefrSkill.READING, CefrLevel.B1), null, null), "languageLevels[0].language"),
                Arguments.of("withdrawn language code (iw for Hebrew)", intake(null, new EarlyIntake.LanguageLevel("iw", CefrSkill.READING, CefrLevel.B1), null, null), "languageLevels[0].language"),
                Arguments.of("missing CEFR level", intake(null, new EarlyIntake.LanguageLevel("nl", CefrSkill.READING, null), null, null), "languageLevels[0].level"),
                Arguments.of("missing skill", intake(null, new EarlyIntake.LanguageLevel("nl", null, CefrLevel.B1), null, null), "languageLevels[0].skill"),
                Arguments.of("years of schooling above 30", intake(null, null, education(IscedLevel.ISCED_3, 31), null), "education.yearsOfSchooling"),
                Arguments.of("missing ISCED level", intake(null, null, education(null, 10), null), "education.iscedLevel"),
                Arguments.of("country of education in lower case", intake(null, null, new EarlyIntake.Education(IscedLevel.ISCED_3, null, 12, "sy", List.of(), null), null), "education.countryOfEducation"),
                Arguments.of("unknown country of education", intake(null, null, new EarlyIntake.Education(IscedLevel.ISCED_3, null, 12, "XX", List.of(), null), null), "education.countryOfEducation"),
                Arguments.of("line break in wishes", intake(null, null, null, new EarlyIntake.Wishes("a\nb", null, List.of())), "wishes.work"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIntakes")
    void anIntakeIsRefusedOnTheRightField(String why, EarlyIntake intake, String field) {
        assertThat(fields(validator.validate(intake))).containsExactly(field);
    }

    @Test
    void aCompleteIntakeIsValid() {
        assertThat(validator.validate(intake())).isEmpty();
    }

    static Stream<Arguments> validCodes() {
        return Stream.of(
                Arguments.of("ISCO unit group in major group 2 (2211, medical doctors)", intake(new EarlyIntake.WorkExperience("2211", "Arts", 10, null), null, null, null)),
                Arguments.of("ISCO unit group in armed forces (0110)", intake(new EarlyIntake.WorkExperience("0110", "Officier", 4, null), null, null, null)),
                Arguments.of("ISCO unit group in sub-major group 96 (9629)", intake(new EarlyIntake.WorkExperience("9629", "Hulpkracht", 1, null), null, null, null)),
                Arguments.of("language Tigrinya (ti)", intake(null, new EarlyIntake.LanguageLevel("ti", CefrSkill.SPOKEN_INTERACTION, CefrLevel.C2), null, null)),
                Arguments.of("language Hebrew under its current code (he)", intake(null, new EarlyIntake.LanguageLevel("he", CefrSkill.READING, CefrLevel.A1), null, null)),
                Arguments.of("educated in Eritrea (ER)", intake(null, null, new EarlyIntake.Education(IscedLevel.ISCED_6, null, 16, "ER", List.of(), null), null)),
                Arguments.of("country of education unknown (left out)", intake(null, null, new EarlyIntake.Education(IscedLevel.ISCED_1, null, 4, null, List.of(), null), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCodes")
    void anIntakeWithListedCodesIsValid(String why, EarlyIntake intake) {
        assertThat(validator.validate(intake)).isEmpty();
    }

    static Stream<Arguments> invalidLinks() {
        LocalDate today = LocalDate.now();
        return Stream.of(
                Arguments.of("unknown municipality", new MunicipalityLink(1, "GM9999", today.minusDays(10), today), "municipalityCode"),
                Arguments.of("merged municipality (Weesp)", new MunicipalityLink(1, "GM0457", today.minusDays(10), today), "municipalityCode"),
                Arguments.of("permit date in the future", new MunicipalityLink(1, "GM0344", today.plusDays(1), today.minusDays(1)), "permitDate,linkDate"),
                Arguments.of("link date in the future", new MunicipalityLink(1, "GM0344", today, today.plusDays(1)), "linkDate"),
                Arguments.of("link before the permit", new MunicipalityLink(1, "GM0344", today, today.minusDays(1)), "linkDate"),
                Arguments.of("missing municipality", new MunicipalityLink(1, null, today, today), "municipalityCode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLinks")
    void aLinkIsRefusedOnTheRightField(String why, MunicipalityLink link, String expectedFields) {
        assertThat(fields(validator.validate(link))).containsExactlyInAnyOrder(expectedFields.split(","));
    }

    @Test
    void aLinkToACurrentMunicipalityIsValid() {
        assertThat(validator.validate(new MunicipalityLink(1, "GM0344", LocalDate.now().minusDays(14), LocalDate.now()))).isEmpty();
    }

    static Stream<Arguments> bsns() {
        return Stream.of(Arguments.of("999996708", true), Arguments.of("999996630", true), Arguments.of("111222333", true),
                Arguments.of("999996709", false), Arguments.of("123456789", false), Arguments.of("000000000", false),
                Arguments.of("12345678", false), Arguments.of("1234567890", false), Arguments.of("99999670A", false));
    }

    @ParameterizedTest(name = "{0} passes the 11-proef: {1}")
    @MethodSource("bsns")
    void theBsnMustPassTheElevenTest(String bsn, boolean valid) {
        assertThat(nl.doorstroom.intake.validation.Bsn.Validator.passesElevenTest(bsn)).isEqualTo(valid);
    }

    @Test
    void messagesAreDutchOrEnglish() {
        PersonRegistration tooShort = reg("Amina", "Haddad", LocalDate.of(1994, 3, 12), "1", "SY", "AZC-BUDEL");
        assertThat(messages(validator, tooShort)).containsExactly("moet een V-nummer van precies 10 cijfers zijn");
        try (ValidatorFactory english = factory(Locale.ENGLISH)) {
            assertThat(messages(english.getValidator(), tooShort)).containsExactly("must be a V-number of exactly 10 digits");
        }
        EarlyIntake unknownGroup = intake(new EarlyIntake.WorkExperience("1011", "Directeur", 6, null), null, null, null);
        assertThat(messages(validator, unknownGroup)).containsExactly("moet een ISCO-08-beroepscode van 4 cijfers zijn");
    }

    private static List<String> messages(Validator validator, Object bean) {
        return validator.validate(bean).stream().map(ConstraintViolation::getMessage).toList();
    }

    private static Set<String> fields(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
