package nl.doorstroom.platform.reference;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ISCO-08 down to the sub-major groups. The 436 unit groups (4 digits) are not listed: a unit group code is accepted
 * when its first two digits are a known sub-major group, which catches typos in the part that matters for matching.
 */
public final class IscoCodeList extends CodeList<IscoGroup> {

    private static final Pattern UNIT_GROUP = Pattern.compile("\\d{4}");
    private static final Pattern ANY_GROUP = Pattern.compile("\\d{1,4}");

    IscoCodeList(String id, List<IscoGroup> groups) {
        super(id, groups);
    }

    /** Four digits whose first two are a known sub-major group ({@code 7411}: sub-major group 74). */
    public boolean isKnownUnitGroup(String code) {
        return code != null && UNIT_GROUP.matcher(code).matches() && subMajorGroupOf(code).isPresent();
    }

    /** The major group of an ISCO-08 code of one to four digits (the first digit). */
    public Optional<IscoGroup> majorGroupOf(String code) {
        return code != null && ANY_GROUP.matcher(code).matches() ? find(code.substring(0, 1)) : Optional.empty();
    }

    /** The sub-major group of an ISCO-08 code of two to four digits (the first two digits). */
    public Optional<IscoGroup> subMajorGroupOf(String code) {
        return code != null && code.length() >= 2 && ANY_GROUP.matcher(code).matches()
                ? find(code.substring(0, 2)) : Optional.empty();
    }
}
