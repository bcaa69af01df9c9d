package nl.doorstroom.platform.privacy;

import java.text.Normalizer;
import java.util.Locale;

import nl.doorstroom.schemas.intake.PersonIdentity;

/**
 * A search text as every list matches it against opened identities: part of the name, ignoring case and accents (so
 * "celik" finds "Çelik"), or a V-number or BSN in full. Names are sealed, so a list decides everything it can in clear
 * first and opens only the identities left to match.
 */
public final class IdentitySearch {

    private final String text;

    private IdentitySearch(String text) {
        this.text = text;
    }

    /** The search for a text as typed; blank or absent searches for everyone. */
    public static IdentitySearch of(String text) {
        return new IdentitySearch(normalise(text));
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public boolean matches(PersonIdentity identity) {
        return isEmpty() || text.equals(identity.getVNumber()) || text.equals(identity.getBsn())
                || normalise(identity.getGivenNames() + " " + identity.getFamilyName()).contains(text);
    }

    /** Lower case without accents or surrounding spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
