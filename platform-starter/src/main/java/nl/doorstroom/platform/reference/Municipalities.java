package nl.doorstroom.platform.reference;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.Resource;

/**
 * Today's municipalities and labour-market regions, from the CBS-derived reference file. The rows of the newest
 * classification year in the file are today's set, so next year's file replaces this one without a code change.
 */
public final class Municipalities {

    public static final String DEFAULT_LOCATION = "classpath:reference/municipalities.csv";

    private final int year;
    private final Map<String, Municipality> byCode;
    private final Map<String, LabourMarketRegion> regions;

    private Municipalities(int year, Map<String, Municipality> byCode) {
        this.year = year;
        this.byCode = byCode;
        Map<String, List<Municipality>> grouped = new TreeMap<>();
        byCode.values().forEach(m -> grouped.computeIfAbsent(m.regionCode(), k -> new java.util.ArrayList<>()).add(m));
        Map<String, LabourMarketRegion> built = new LinkedHashMap<>();
        grouped.forEach((code, members) -> built.put(code,
                new LabourMarketRegion(code, members.getFirst().regionName(), List.copyOf(members))));
        this.regions = built;
    }

    public static Municipalities load(Resource csv) {
        List<Map<String, String>> rows = ReferenceCsv.rows(csv, "municipality reference list");
        int newest = rows.stream().mapToInt(r -> Integer.parseInt(r.get("year"))).max()
                .orElseThrow(() -> new IllegalStateException("the municipality reference list is empty"));
        Map<String, Municipality> byCode = new TreeMap<>();
        rows.stream()
                .filter(r -> Integer.parseInt(r.get("year")) == newest)
                .map(r -> new Municipality(r.get("code"), r.get("name"), r.get("region_code"), r.get("region"), r.get("province"),
                        r.get("corop_code"), r.get("corop")))
                .sorted(Comparator.comparing(Municipality::code))
                .forEach(m -> byCode.put(m.code(), m));
        return new Municipalities(newest, byCode);
    }

    /** The classification year of today's set. */
    public int year() {
        return year;
    }

    public Optional<Municipality> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Collection<Municipality> all() {
        return byCode.values();
    }

    public Collection<LabourMarketRegion> regions() {
        return regions.values();
    }

    public Optional<LabourMarketRegion> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    /**
     * The code a person means when typing into a municipality picker: the code itself (what the picker sends), or
     * the code of the municipality with that name when the name was typed without choosing from the list; anything
     * else as typed, for validation to refuse.
     */
    public String codeFor(String typed) {
        if (isKnown(typed)) {
            return typed;
        }
        return all().stream().filter(m -> m.name().equalsIgnoreCase(typed)).map(Municipality::code).findFirst().orElse(typed);
    }
}
