package nl.doorstroom.platform.write;

import java.util.ArrayList;
import java.util.List;

/**
 * What a change decided against the current record: the event payloads to append, in order, and the unique natural
 * keys it takes or gives up.
 */
public record Decision(List<Object> payloads, List<Claim> claims, List<String> releases) {

    public Decision {
        payloads = List.copyOf(payloads);
        claims = List.copyOf(claims);
        releases = List.copyOf(releases);
    }

    public static Decision events(List<Object> payloads) {
        return new Decision(payloads, List.of(), List.of());
    }

    public Decision claiming(Claim claim) {
        List<Claim> more = new ArrayList<>(claims);
        more.add(claim);
        return new Decision(payloads, more, releases);
    }

    /** Gives up a claim once the change is applied (the old V-number of a correction). */
    public Decision releasing(String claimKey) {
        List<String> more = new ArrayList<>(releases);
        more.add(claimKey);
        return new Decision(payloads, claims, more);
    }
}
