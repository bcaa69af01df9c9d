package nl.doorstroom.intake.registration;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.intake.validation.VNumber;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.schemas.intake.FamilyRelationship;

/**
 * What AZC staff record when a person is registered at their reception location.
 *
 * @param receptionLocation   code of the COA location (AZC), e.g. {@code AZC-BUDEL}
 * @param familyReunification only for a nareiziger: the family member already here, whose household expected them
 */
public record PersonRegistration(
        @NotNull @Valid PersonalDetailsInput personalDetails,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*") String receptionLocation,
        @Valid FamilyReunificationInput familyReunification) {

    /**
     * A nareiziger's arrival: the anchor person is found by V-number (staff at another location cannot look them up
     * otherwise), and the nareiziger follows them to the municipality they are linked to.
     *
     * @param permitDate date of the nareiziger's own residence permit, needed for their link
     */
    public record FamilyReunificationInput(
            @NotNull @VNumber String anchorVNumber,
            @NotNull Relationship relationship,
            @NotNull @PastOrPresent @PlausibleDate(yearsBack = 30) LocalDate permitDate) {
    }

    /** Relationship of the nareiziger to the anchor person. */
    public enum Relationship {
        PARTNER, CHILD, PARENT, SIBLING, OTHER;

        FamilyRelationship toEvent() {
            return FamilyRelationship.valueOf(name());
        }
    }
}
