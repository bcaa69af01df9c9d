package nl.doorstroom.intake.pages;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.Role;

/** What every intake page shows alike: which actions the user's role allows. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    @ModelAttribute
    void actions(Model model) {
        model.addAttribute("mayRegister", CurrentUser.get().has(Role.AZC_STAFF));
        model.addAttribute("mayLink", CurrentUser.get().has(Role.COA_PLACEMENT_OFFICER));
    }
}
