package nl.doorstroom.platform.reference;

/**
 * A Dutch municipality (gemeente) with the labour-market region (arbeidsmarktregio) it belongs to.
 *
 * @param code        CBS code, {@code GMxxxx}
 * @param name        CBS name, disambiguated where needed ("Bergen (NH.)")
 * @param regionCode  labour-market region code, {@code AMxx}
 * @param regionName  labour-market region name
 * @param province    province name
 */
public record Municipality(String code, String name, String regionCode, String regionName, String province) {
}
