package nl.doorstroom.employer.home;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.security.CurrentUser;

/**
 * The start page: what this service is for, and where each role starts. The starting points of the roles bound to a
 * municipality or a region go to that scope's own page, so the start page needs no code of it.
 */
@PageController
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/plaatsingen")
    @PreAuthorize("hasRole('case-worker')")
    String regionPlacements() {
        return "redirect:/gemeenten/" + CurrentUser.get().municipality() + "/plaatsingen";
    }

    @GetMapping("/open-plaatsen")
    @PreAuthorize("hasRole('work-desk')")
    String openPlaces() {
        return "redirect:/regios/" + CurrentUser.get().region() + "/open-plaatsen";
    }
}
