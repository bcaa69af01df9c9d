package nl.doorstroom.employer.placement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotNull;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.reference.CodeLists;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.schemas.employer.PlacementChanged;
import nl.doorstroom.schemas.employer.PlacementClosed;
import nl.doorstroom.schemas.employer.PlacementClosure;
import nl.doorstroom.schemas.employer.PlacementKind;
import nl.doorstroom.schemas.employer.PlacementPosted;

/**
 * Posting, changing, closing and reading placements, for the API and the pages alike. An employer sees and changes
 * only its own placements (KvK number from the token); a case worker sees the open placements of every labour-market
 * region that sees them: the region of the place of work and the neighbouring regions the employer opened it to.
 * Anyone else gets 404, whether or not the placement exists.
 */
@Component
public class Placements {

    /** The Netherlands' time zone: what "today" is for a start date. */
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final PlacementChanges changes;
    private final PlacementVisibility visibility;
    private final Municipalities municipalities;

    Placements(PlacementChanges changes, PlacementVisibility visibility, Municipalities municipalities) {
        this.changes = changes;
        this.visibility = visibility;
        this.municipalities = municipalities;
    }

    /** Closing a placement: it takes no more candidates. */
    public record PlacementClosing(@NotNull Integer version, @NotNull PlacementClosure reason) {
    }

    /** Which placements a list shows. */
    public record PlacementFilter(PlacementKind kind, String municipalityCode, Boolean open) {

        boolean test(PlacementView placement) {
            return (kind == null || placement.kind() == kind)
                    && (municipalityCode == null || municipalityCode.equals(placement.municipalityCode()))
                    && (open == null || open == (placement.status() == PlacementView.Status.OPEN));
        }
    }

    /** Posts a new placement of the current employer; a repeated Idempotency-Key finds the same placement. */
    public PlacementView post(String idempotencyKey, PlacementInput input) {
        FieldProblemsException.rejectIfAny(postingProblems(input));
        return postChecked(newPlacementId(idempotencyKey), idempotencyKey, input, input);
    }

    /**
     * What refuses a new placement beyond its fields' own constraints: {@link PlacementRules} and the employer's name.
     * Ask only for an input whose fields passed Bean Validation, as the API does.
     */
    public List<FieldProblem> postingProblems(PlacementInput input) {
        List<FieldProblem> problems = new ArrayList<>(check(input, null));
        if (input.employerName() == null || input.employerName().isBlank()) {
            problems.add(new FieldProblem("employerName", "required", "employer.problem.employer-name-required"));
        }
        return problems;
    }

    /**
     * Posts a placement of the current employer that passed {@link #postingProblems}, under an id and Idempotency-Key
     * the caller chose (a row of an import); the same key with the same {@code request} finds the same placement.
     *
     * @param request what the Idempotency-Key stands for: a repeat must send the same
     */
    public PlacementView postChecked(String placementId, String idempotencyKey, Object request, PlacementInput input) {
        PlacementRecord posted = changes.apply(placementId, PlacementRules.Step.POST, null, idempotencyKey, request,
                current -> List.of(new PlacementPosted(input.employerName().strip(), input.toTerms())));
        return PlacementView.of(posted, municipalities);
    }

    /** Replaces the terms as a whole, as a new version based on {@code input.version()}. */
    public PlacementView change(String placementId, String idempotencyKey, PlacementInput input) {
        PlacementRecord current = requireOwned(placementId);
        List<FieldProblem> problems = new ArrayList<>(check(input, current));
        if (input.version() == null) {
            problems.add(new FieldProblem("version", "required", "employer.problem.version-required"));
        }
        FieldProblemsException.rejectIfAny(problems);
        PlacementRecord changed = changes.apply(placementId, PlacementRules.Step.CHANGE, input.version(), idempotencyKey,
                input, placement -> List.of(new PlacementChanged(input.toTerms())));
        return PlacementView.of(changed, municipalities);
    }

    /** Closes the placement: it leaves the case workers' lists and takes no more candidates. */
    public PlacementView close(String placementId, String idempotencyKey, PlacementClosing closing) {
        requireOwned(placementId);
        PlacementRecord closed = changes.apply(placementId, PlacementRules.Step.CLOSE, closing.version(), idempotencyKey,
                closing, placement -> List.of(new PlacementClosed(closing.reason(), LocalDate.now(AMSTERDAM))));
        return PlacementView.of(closed, municipalities);
    }

    /** One placement as the current user may see it (404 otherwise). */
    public PlacementView read(String placementId) {
        return PlacementView.of(requireVisible(placementId), municipalities);
    }

    /**
     * The placements the current user sees, newest first: an employer its own (open and closed), a case worker the
     * open placements its region sees.
     */
    public ListPage<PlacementView> list(PlacementFilter filter, Paging paging) {
        DoorstroomUser user = CurrentUser.get();
        List<String> ids = user.has(Role.EMPLOYER) ? visibility.ownedBy(user.kvk())
                : regionOf(user).map(visibility::seenInRegion).orElse(List.of());
        List<PlacementView> found = changes.all(ids).stream()
                .filter(placement -> isVisibleTo(user, placement))
                .map(placement -> PlacementView.of(placement, municipalities))
                .filter(filter::test)
                .sorted(Comparator.comparing(PlacementView::postedAt).reversed().thenComparing(PlacementView::id))
                .toList();
        return paging.slice(found);
    }

    /** The placement as the current user may see it, for the matches of its candidates (404 otherwise). */
    public PlacementRecord requireVisible(String placementId) {
        PlacementRecord placement = changes.current(placementId);
        if (!placement.isPosted() || !isVisibleTo(CurrentUser.get(), placement)) {
            throw new NotFoundException("placement");
        }
        return placement;
    }

    /** The placement as stored, whoever asks: for callers that checked access by other means (an introduction). */
    public PlacementRecord current(String placementId) {
        return changes.current(placementId);
    }

    /** The open placements the case workers of a labour-market region see, from every employer. */
    public List<PlacementRecord> openSeenIn(String regionCode) {
        return changes.all(visibility.seenInRegion(regionCode)).stream().filter(PlacementRecord::isOpen).toList();
    }

    /** The placement, when it is the current employer's own; 404 otherwise. */
    PlacementRecord requireOwned(String placementId) {
        PlacementRecord placement = changes.current(placementId);
        DoorstroomUser user = CurrentUser.get();
        if (!placement.isPosted() || !user.has(Role.EMPLOYER) || !placement.employerKvk().equals(user.kvk())) {
            throw new NotFoundException("placement");
        }
        return placement;
    }

    private boolean isVisibleTo(DoorstroomUser user, PlacementRecord placement) {
        if (user.has(Role.EMPLOYER)) {
            return placement.employerKvk().equals(user.kvk());
        }
        if (user.has(Role.CASE_WORKER)) {
            return regionOf(user).filter(region -> placement.isOpen() && regionsThatSee(placement).test(region)).isPresent();
        }
        return false;
    }

    private Predicate<String> regionsThatSee(PlacementRecord placement) {
        return region -> municipalities.find(placement.terms().getMunicipalityCode()).map(Municipality::regionCode)
                .map(own -> PlacementRules.regionsThatSee(own, placement.terms()).contains(region)).orElse(false);
    }

    private Optional<String> regionOf(DoorstroomUser user) {
        return municipalities.find(user.municipality()).map(Municipality::regionCode);
    }

    private List<FieldProblem> check(PlacementInput input, PlacementRecord current) {
        String ownRegion = municipalities.find(input.municipalityCode()).map(Municipality::regionCode).orElse(null);
        return PlacementRules.problems(input, current == null ? null : current.terms(), LocalDate.now(AMSTERDAM),
                ownRegion, region -> municipalities.region(region).isPresent(), CodeLists.occupations()::isKnownUnitGroup);
    }

    /** Random, or derived from the caller and the Idempotency-Key, so a repeated posting finds the same placement. */
    private static String newPlacementId(String idempotencyKey) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("placement\n" + CurrentUser.accountId().orElse("") + "\n" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
