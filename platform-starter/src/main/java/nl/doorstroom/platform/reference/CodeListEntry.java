package nl.doorstroom.platform.reference;

import java.util.Locale;

/** One entry of a {@link CodeList}: a code with its Dutch and English name. */
public sealed interface CodeListEntry permits NamedCode, IscoGroup, EducationLevel, ProficiencyLevel {

    String code();

    String nameNl();

    String nameEn();

    /** The name in the user's language: English when asked for, Dutch otherwise (as the pages and API default). */
    default String name(Locale locale) {
        return inLanguageOf(locale, nameNl(), nameEn());
    }

    /** The English text when the locale's language is English, otherwise the Dutch one. */
    static String inLanguageOf(Locale locale, String dutch, String english) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? english : dutch;
    }
}
