package nl.doorstroom.trajectory.handover;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.web.NotFoundException;

/** The handover dossier on its own page (Dutch first, server-rendered); the inbox is in the casework pages. */
@PageController
@RequestMapping("/gemeenten/{municipalityCode}/overdrachten")
public class HandoverPage {

    private final Handovers handovers;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;

    public HandoverPage(Handovers handovers, MunicipalityCodes municipalities, ProcessingLog processingLog) {
        this.handovers = handovers;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    @GetMapping("/{personId}")
    @PreAuthorize("hasRole('case-worker')")
    public String dossier(@PathVariable @Pattern(regexp = MunicipalityCodes.PATTERN) String municipalityCode,
                          @PathVariable String personId, Model model) {
        municipalities.requireVisible(municipalityCode);
        HandoverDetails dossier = processingLog.record(Handovers.WARM_HANDOVER, "handover.read-dossier",
                List.of(personId),
                () -> handovers.details(municipalityCode, personId)
                        .orElseThrow(() -> new NotFoundException("handover")));
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("dossier", dossier);
        return "handover/dossier";
    }
}
