package nl.doorstroom.trajectory.handover;

import org.springframework.stereotype.Component;

import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The one place where a municipality in a request path is checked before anything is read: it must exist today.
 * The case worker's municipality scope (a later issue, from the token's claims) is checked here too, so every
 * handover endpoint gets it.
 */
@Component
public class MunicipalityCodes {

    /** CBS municipality code: {@code GM} and four digits. */
    public static final String PATTERN = "GM\\d{4}";

    private final Municipalities municipalities;

    public MunicipalityCodes(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** @throws NotFoundException if no municipality has this code today */
    public void requireVisible(String municipalityCode) {
        if (!municipalities.isKnown(municipalityCode)) {
            throw new NotFoundException("municipality");
        }
    }

    /** Today's name of the municipality, for pages. */
    public String nameOf(String municipalityCode) {
        return municipalities.find(municipalityCode).map(m -> m.name()).orElse(municipalityCode);
    }
}
