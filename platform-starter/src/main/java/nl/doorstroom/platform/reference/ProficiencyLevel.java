package nl.doorstroom.platform.reference;

import java.util.Locale;
import java.util.Map;

/** A CEFR (ERK) language proficiency level, A1–C2, with a short description of what someone at that level can do. */
public record ProficiencyLevel(String code, String nameNl, String nameEn, String descriptionNl, String descriptionEn)
        implements CodeListEntry {

    public String description(Locale locale) {
        return CodeListEntry.inLanguageOf(locale, descriptionNl, descriptionEn);
    }

    static ProficiencyLevel fromRow(Map<String, String> row) {
        return new ProficiencyLevel(row.get("level"), row.get("name_nl"), row.get("name_en"),
                row.get("description_nl"), row.get("description_en"));
    }
}
