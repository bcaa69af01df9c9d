package nl.doorstroom.platform.reference;

/**
 * The code lists the intake records against, loaded once from the classpath. Static, because Bean Validation
 * constraint validators run without a Spring context in unit tests; the same instances are Spring beans too
 * ({@link ReferenceDataAutoConfiguration}).
 */
public final class CodeLists {

    private static final IscoCodeList OCCUPATIONS =
            new IscoCodeList("occupations", CodeList.read("isco-08.csv", IscoGroup::fromRow));
    private static final CodeList<EducationLevel> EDUCATION_LEVELS =
            new CodeList<>("education-levels", CodeList.read("isced-2011.csv", EducationLevel::fromRow));
    private static final CodeList<ProficiencyLevel> CEFR_LEVELS =
            new CodeList<>("cefr-levels", CodeList.read("cefr.csv", ProficiencyLevel::fromRow));
    private static final CodeList<NamedCode> COUNTRIES =
            new CodeList<>("countries", CodeList.read("countries.csv", NamedCode::fromRow));
    private static final CodeList<NamedCode> LANGUAGES =
            new CodeList<>("languages", CodeList.read("languages.csv", NamedCode::fromRow));

    private CodeLists() {
    }

    /** ISCO-08 major and sub-major groups (beroepen). */
    public static IscoCodeList occupations() {
        return OCCUPATIONS;
    }

    /** ISCED 2011 levels 0–8 (onderwijsniveaus), codes {@code 0}–{@code 8}. */
    public static CodeList<EducationLevel> educationLevels() {
        return EDUCATION_LEVELS;
    }

    /** CEFR levels A1–C2 (ERK-niveaus). */
    public static CodeList<ProficiencyLevel> cefrLevels() {
        return CEFR_LEVELS;
    }

    /** ISO 3166-1 alpha-2 country codes, upper case. */
    public static CodeList<NamedCode> countries() {
        return COUNTRIES;
    }

    /** ISO 639-1 language codes, lower case. */
    public static CodeList<NamedCode> languages() {
        return LANGUAGES;
    }
}
