package nl.doorstroom.employer.pages;

import java.util.ArrayList;
import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.security.DoorstroomUser;
import nl.doorstroom.platform.security.Role;

/**
 * What every employer-service page has alike: the menu of the signed-in user's role, and {@link Choices} to name codes
 * in the user's language ({@code choices} in the model; Thymeleaf refuses bean references in some expressions).
 */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    /**
     * One link of the header's menu.
     *
     * @param id         the element id, stable for browser tests
     * @param path       where it goes
     * @param messageKey its text
     */
    public record MenuLink(String id, String path, String messageKey) {
    }

    private final Choices choices;

    PageModel(Choices choices) {
        this.choices = choices;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("choices", choices);
        model.addAttribute("menu", menu(CurrentUser.get()));
    }

    /** The pages of the user's role, in the scope of their token. */
    static List<MenuLink> menu(DoorstroomUser user) {
        List<MenuLink> links = new ArrayList<>();
        if (user.has(Role.EMPLOYER)) {
            links.add(new MenuLink("menu-my-placements", "/werkgever/plaatsingen", "page.menu.my-placements"));
            links.add(new MenuLink("menu-new-placement", "/werkgever/plaatsingen/nieuw", "page.menu.new-placement"));
        }
        if (user.has(Role.CASE_WORKER)) {
            String municipality = "/gemeenten/" + user.municipality();
            links.add(new MenuLink("menu-region-placements", municipality + "/plaatsingen", "page.menu.region-placements"));
            links.add(new MenuLink("menu-introductions", municipality + "/kennismakingen", "page.menu.introductions"));
        }
        if (user.has(Role.WORK_DESK)) {
            links.add(new MenuLink("menu-open-places", "/regios/" + user.region() + "/open-plaatsen", "page.menu.open-places"));
        }
        return links;
    }
}
