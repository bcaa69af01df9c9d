package nl.doorstroom.trajectory.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;
import nl.doorstroom.trajectory.signals.SignalList;
import nl.doorstroom.trajectory.signals.SignalResource;

/**
 * Nobody unseen: the municipality's signal list as a page, the people linked (or moved) there for longer than the
 * configured weeks without a next step, nareizigers in a table of their own. Read through the API's resource, which
 * checks the municipality and logs the processing.
 */
@PageController
@PreAuthorize("hasRole('case-worker')")
public class SignalPage {

    /** A signalled person, with the Dutch date of the arrival at the municipality. */
    public record Row(SignalList.PersonSignals person, LocalDate arrivedOn) {
    }

    /** Dates on the pages are Dutch local dates. */
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final SignalResource signals;
    private final MunicipalityCodes municipalities;

    SignalPage(SignalResource signals, MunicipalityCodes municipalities) {
        this.signals = signals;
        this.municipalities = municipalities;
    }

    @GetMapping("/gemeenten/{municipalityCode}/signalen")
    public String signals(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
            Model model) {
        SignalList.Signals list = signals.list(municipalityCode);
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("signalAfterWeeks", list.signalAfterWeeks());
        model.addAttribute("persons", rows(list.persons()));
        model.addAttribute("nareizigers", rows(list.nareizigers()));
        return "casework/signals";
    }

    private static List<Row> rows(List<SignalList.PersonSignals> signalled) {
        return signalled.stream().map(p -> new Row(p, p.arrivedAt().atZone(AMSTERDAM).toLocalDate())).toList();
    }
}
