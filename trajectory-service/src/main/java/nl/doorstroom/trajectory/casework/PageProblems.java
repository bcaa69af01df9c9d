package nl.doorstroom.trajectory.casework;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * The one message of a button that came back on a list or person page (which shows no form to put it on): what the
 * whole form was refused for, or, for a button sent with fields nobody can type, that it was not sent as offered.
 */
final class PageProblems {

    private PageProblems() {
    }

    static String of(BindingResult result, MessageSource messages) {
        return result.hasGlobalErrors()
                ? messages.getMessage(result.getGlobalError(), LocaleContextHolder.getLocale())
                : messages.getMessage("page.form.invalid-form", null, LocaleContextHolder.getLocale());
    }
}
