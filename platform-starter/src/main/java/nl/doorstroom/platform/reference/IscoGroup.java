package nl.doorstroom.platform.reference;

import java.util.Map;

/**
 * An ISCO-08 major group (beroepsklasse, 1 digit) or sub-major group (2 digits).
 *
 * @param parentCode the major group of a sub-major group; {@code null} for a major group
 */
public record IscoGroup(String code, Level level, String parentCode, String nameNl, String nameEn)
        implements CodeListEntry {

    public enum Level { MAJOR, SUB_MAJOR }

    static IscoGroup fromRow(Map<String, String> row) {
        Level level = switch (row.get("level")) {
            case "major" -> Level.MAJOR;
            case "sub-major" -> Level.SUB_MAJOR;
            default -> throw new IllegalStateException("ISCO-08 group " + row.get("code") + " has an unknown level " + row.get("level"));
        };
        String parent = row.get("parent");
        return new IscoGroup(row.get("code"), level, parent == null || parent.isEmpty() ? null : parent,
                row.get("name_nl"), row.get("name_en"));
    }
}
