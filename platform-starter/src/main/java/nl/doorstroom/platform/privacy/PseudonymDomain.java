package nl.doorstroom.platform.privacy;

import java.util.Locale;

/**
 * A receiving domain that gets its own pseudonyms. Each has its own secret, so pseudonyms of one domain cannot be
 * joined with those of another (the employer's candidate pseudonym and the analyst's pseudonym of the same person
 * look unrelated).
 */
public enum PseudonymDomain {

    /** Candidate pseudonyms that employers see (trajectory.candidate-profiles, employer.match-events). */
    EMPLOYER,
    /** Pseudonyms on analytics.pseudonymised-events and in indicators' inputs. */
    ANALYTICS,
    /** The data subject in the processing log (Logboek dataverwerkingen, audit.processing-log). */
    AUDIT,
    /** Unique natural keys (a V-number) claimed through the write path's single writer; never leaves the platform. */
    CLAIMS;

    /** The name in configuration ({@code doorstroom.privacy.pseudonym-secrets.<name>}) and in every pseudonym. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The domain configured under {@code name}; {@code null} when there is none. */
    static PseudonymDomain fromConfigName(String name) {
        for (PseudonymDomain domain : values()) {
            if (domain.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return domain;
            }
        }
        return null;
    }
}
