package nl.doorstroom.intake.registration;

import java.util.List;

import nl.doorstroom.intake.consent.ConsentResource.RecordedConsent;
import nl.doorstroom.intake.earlyintake.EarlyIntake;
import nl.doorstroom.intake.household.Household;
import nl.doorstroom.intake.linking.MunicipalityLinkResource.RecordedLink;

/**
 * A person's intake record as the API and the pages show it. Each section has the shape its change request has, so a
 * form is filled from it and sent back with {@code version}.
 *
 * @param familyReunification for a nareiziger: the anchor person they joined and the relationship
 */
public record PersonView(
        String id,
        int version,
        String receptionLocation,
        PersonalDetailsInput personalDetails,
        Household household,
        EarlyIntake earlyIntake,
        RecordedLink municipalityLink,
        List<RecordedConsent> consents,
        FamilyReunificationView familyReunification,
        Status status) {

    public record FamilyReunificationView(String anchorPersonId, String relationship) {
    }

    /**
     * @param missingSections    what must still be recorded for the intake to be complete ({@code household},
     *                           {@code early-intake}, {@code consent})
     * @param nareizigerExpected the household expects a family member who has not arrived yet
     */
    public record Status(boolean linked, boolean intakeComplete, List<String> missingSections, boolean nareizigerExpected,
                         boolean nareiziger) {
    }
}
