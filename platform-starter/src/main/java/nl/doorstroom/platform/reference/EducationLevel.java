package nl.doorstroom.platform.reference;

import java.util.Locale;
import java.util.Map;

/**
 * An ISCED 2011 level (0–8) with the comparable Dutch level, phrased as a credential evaluation (IDW/Nuffic) would.
 */
public record EducationLevel(String code, String nameNl, String nameEn, String dutchComparableNl,
                             String dutchComparableEn) implements CodeListEntry {

    public String dutchComparable(Locale locale) {
        return CodeListEntry.inLanguageOf(locale, dutchComparableNl, dutchComparableEn);
    }

    static EducationLevel fromRow(Map<String, String> row) {
        return new EducationLevel(row.get("level"), row.get("name_nl"), row.get("name_en"),
                row.get("dutch_comparable_nl"), row.get("dutch_comparable_en"));
    }
}
