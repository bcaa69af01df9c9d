package nl.doorstroom.analytics.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what this service is for. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
