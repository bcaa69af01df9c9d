package nl.doorstroom.platform.reference;

import java.util.Map;

/** A code with nothing but a name, such as a country (ISO 3166-1 alpha-2) or a language (ISO 639-1). */
public record NamedCode(String code, String nameNl, String nameEn) implements CodeListEntry {

    static NamedCode fromRow(Map<String, String> row) {
        return new NamedCode(row.get("code"), row.get("name_nl"), row.get("name_en"));
    }
}
