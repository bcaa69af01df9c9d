package nl.doorstroom.trajectory.handover;

import org.springframework.stereotype.Component;

import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The one place where a municipality in a request path is checked before anything is read: it must exist today, and
 * it must be the case worker's own municipality. Another municipality's handovers are answered 404, exactly like a
 * municipality that does not exist, so a case worker cannot even find out who is linked elsewhere.
 */
@Component
public class MunicipalityCodes {

    /** CBS municipality code: {@code GM} and four digits. */
    public static final String PATTERN = "GM\\d{4}";

    private final Municipalities municipalities;

    public MunicipalityCodes(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** @throws NotFoundException if no municipality has this code today, or it is not the user's municipality */
    public void requireVisible(String municipalityCode) {
        if (!municipalities.isKnown(municipalityCode) || !CurrentUser.get().worksFor(municipalityCode)) {
            throw new NotFoundException("municipality");
        }
    }

    /** Today's name of the municipality, for pages. */
    public String nameOf(String municipalityCode) {
        return municipalities.find(municipalityCode).map(m -> m.name()).orElse(municipalityCode);
    }
}
