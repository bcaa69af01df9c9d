package nl.doorstroom.platform.reference;

/**
 * A Dutch municipality (gemeente) with the labour-market region (arbeidsmarktregio) it belongs to.
 *
 * @param code        CBS code, {@code GMxxxx}
 * @param name        CBS name, disambiguated where needed ("Bergen (NH.)")
 * @param regionCode  labour-market region code, {@code AMxx}
 * @param regionName  labour-market region name
 * @param province    province name
 * @param coropCode   COROP area code, {@code CRxx}: the regional division CBS uses for statistics, finer than a
 *                    labour-market region (nearness in matching)
 * @param coropName   COROP area name
 */
public record Municipality(String code, String name, String regionCode, String regionName, String province,
                           String coropCode, String coropName) {
}
