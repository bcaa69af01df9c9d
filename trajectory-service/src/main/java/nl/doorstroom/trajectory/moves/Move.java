package nl.doorstroom.trajectory.moves;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.doorstroom.platform.reference.KnownMunicipality;
import nl.doorstroom.platform.validation.PlausibleDate;
import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.schemas.trajectory.PersonMoved;

/**
 * A move of the person to another municipality, in or outside the labour-market region.
 *
 * @param version            the version of the trajectory this change is based on
 * @param toMunicipalityCode CBS code (GMxxxx) of a municipality that exists today, not the one the person leaves
 * @param moveDate           date of the move (verhuisdatum)
 */
public record Move(
        @NotNull @Min(0) Integer version,
        @NotNull @KnownMunicipality String toMunicipalityCode,
        @NotNull @PlausibleDate(yearsBack = 30, yearsAhead = 1) LocalDate moveDate) {

    static final String SAME_MUNICIPALITY = "trajectory.field.same-municipality";

    /** What is wrong with moving from {@code fromMunicipalityCode}; empty when nothing is. */
    List<FieldProblem> problems(String fromMunicipalityCode) {
        return fromMunicipalityCode.equals(toMunicipalityCode)
                ? List.of(new FieldProblem("toMunicipalityCode", "same-municipality", SAME_MUNICIPALITY))
                : List.of();
    }

    PersonMoved toEvent(String fromMunicipalityCode) {
        return new PersonMoved(fromMunicipalityCode, toMunicipalityCode, moveDate);
    }
}
