package nl.doorstroom.trajectory.record;

import java.time.LocalDate;

/**
 * The inburgeringstermijn: the person meets the integration duty within three years. Art. 11 Wet inburgering 2021 starts
 * the term on the day after the date (dagtekening) of the first PIP; a PIP adopted again later, for whatever reason,
 * does not move it. (The duty itself starts earlier, with the permit; the link or the move start nothing.)
 *
 * @param start    the day after the first PIP's date
 * @param deadline the last day of the term: three years from the start, less one day
 */
public record IntegrationTerm(LocalDate start, LocalDate deadline) {

    public static final int YEARS = 3;

    public static IntegrationTerm fromFirstPlan(LocalDate firstPlanAdoptedOn) {
        LocalDate start = firstPlanAdoptedOn.plusDays(1);
        return new IntegrationTerm(start, start.plusYears(YEARS).minusDays(1));
    }
}
