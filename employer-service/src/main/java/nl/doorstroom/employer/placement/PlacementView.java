package nl.doorstroom.employer.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.schemas.employer.PlacementClosure;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementTerms;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

/**
 * A placement as employers and case workers see it.
 *
 * @param version    the number of changes recorded; send it with a change
 * @param regionCode the labour-market region of the place of work, whose case workers see it
 * @param status     {@code OPEN} or {@code CLOSED}
 */
@Schema(name = "Placement", description = "A paid job, work-experience place, internship, learn-work place or volunteering")
public record PlacementView(String id, int version, String employerKvk, String employerName, PlacementKind kind,
                            String title, String description, String iscoCode, List<String> requiredSkills,
                            List<String> preferredSkills, IscedLevel minimumEducation,
                            List<LanguageMinimumView> minimumLanguageLevels, boolean languageSupport, int hoursPerWeek,
                            String schedule, LocalDate startDate, int places, String municipalityCode,
                            String municipalityName, String regionCode, List<String> neighbouringRegionCodes,
                            Status status, Closure closure, Instant postedAt, Instant changedAt) {

    public enum Status { OPEN, CLOSED }

    public record LanguageMinimumView(CefrSkill skill, CefrLevel level) {
    }

    public record Closure(PlacementClosure reason, LocalDate closedOn) {
    }

    static PlacementView of(PlacementRecord placement, Municipalities municipalities) {
        PlacementTerms terms = placement.terms();
        Municipality place = municipalities.find(terms.getMunicipalityCode()).orElse(null);
        return new PlacementView(placement.placementId(), placement.version(), placement.employerKvk(),
                placement.employerName(), terms.getKind(), terms.getTitle(), terms.getDescription(), terms.getIscoCode(),
                terms.getRequiredSkills(), terms.getPreferredSkills(), terms.getMinimumEducation(),
                terms.getMinimumLanguageLevels().stream().map(m -> new LanguageMinimumView(m.getSkill(), m.getLevel())).toList(),
                terms.getLanguageSupport(), terms.getHoursPerWeek(), terms.getSchedule(), terms.getStartDate(),
                terms.getPlaces(), terms.getMunicipalityCode(), place == null ? null : place.name(),
                place == null ? null : place.regionCode(), terms.getNeighbouringRegionCodes(),
                placement.isOpen() ? Status.OPEN : Status.CLOSED,
                placement.closure().map(c -> new Closure(c.getReason(), c.getClosedOn())).orElse(null),
                placement.postedAt(), placement.changedAt());
    }
}
