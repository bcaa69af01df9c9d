package nl.doorstroom.employer.workdesk;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.validation.constraints.Pattern;
import nl.doorstroom.platform.pages.PageController;

/** The work desk's page: the open places of its region per occupation group and per municipality. */
@PageController
class OpenPlacesPage {

    private final OpenPlaces openPlaces;

    OpenPlacesPage(OpenPlaces openPlaces) {
        this.openPlaces = openPlaces;
    }

    @GetMapping("/regios/{regionCode}/open-plaatsen")
    @PreAuthorize("hasRole('work-desk')")
    String openPlaces(@PathVariable @Pattern(regexp = OpenPlacesResource.REGION_CODE) String regionCode, Model model) {
        model.addAttribute("openPlaces", openPlaces.inRegion(regionCode));
        return "workdesk/open-places";
    }
}
