package nl.doorstroom.trajectory.casework;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.security.CurrentUser;

/**
 * Where the service starts: a case worker's own inbox. Signing out comes back here, and since the session at the
 * identity provider ended too, the inbox asks for a fresh sign-in.
 */
@PageController
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/overdrachten";
    }

    @GetMapping("/overdrachten")
    @PreAuthorize("hasRole('case-worker')")
    String ownInbox() {
        return "redirect:/gemeenten/" + CurrentUser.get().municipality() + "/overdrachten";
    }
}
