package nl.doorstroom.intake.pages;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.web.RefusalStatus;
import nl.doorstroom.platform.write.ChangeRefusedException;
import nl.doorstroom.platform.write.FieldProblem;

/** What every form page does alike: the submission key, names for the page, and a refused change shown on the form. */
@Component
class FormPages {

    /** The hidden field whose value is the change's Idempotency-Key: a form sent twice is applied once. */
    static final String SUBMISSION_KEY = "submissionKey";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final MessageSource messages;
    private final Municipalities municipalities;
    private final FormBinding binding;

    FormPages(MessageSource messages, Municipalities municipalities, FormBinding binding) {
        this.messages = messages;
        this.municipalities = municipalities;
        this.binding = binding;
    }

    /** A new form: its fields, plus a fresh submission key. */
    FormState newForm(MultiValueMap<String, String> fields) {
        FormState form = new FormState(fields);
        form.set(SUBMISSION_KEY, UUID.randomUUID().toString());
        return form;
    }

    /** The submitted key; a missing or malformed one (only a hand-made request has that) means no idempotency. */
    static String submissionKey(MultiValueMap<String, String> fields) {
        String key = fields.getFirst(SUBMISSION_KEY);
        return key != null && KEY.matcher(key).matches() ? key : null;
    }

    Names names(Locale locale) {
        return new Names(messages, municipalities, locale);
    }

    /**
     * A change the service refused although the form was valid: a field it concerns gets the reason (a V-number that
     * is already registered), a change based on an older version says which version the record is at now, so that the
     * user reloads instead of overwriting someone else's work.
     */
    void refused(ChangeRefusedException refusal, FormState form, Model model, HttpServletResponse response, Locale locale) {
        for (FieldProblem problem : refusal.fieldProblems()) {
            binding.reject(form, problem.field(), messages.getMessage(problem.reasonKey(), null, problem.reasonKey(), locale), locale);
        }
        if (refusal.currentVersion().isPresent()) {
            int current = refusal.currentVersion().getAsInt();
            model.addAttribute("currentVersion", current);
            form.problem(messages.getMessage("page.form.stale", new Object[]{form.value("version"), current}, locale));
        } else if (refusal.fieldProblems().isEmpty()) {
            form.problem(messages.getMessage(refusal.messageKey() + ".detail", null, refusal.messageKey(), locale));
        }
        response.setStatus(RefusalStatus.of(refusal).value());
    }

    /** A form with mistakes is shown again with 400, so that nothing but a browser mistakes it for a success. */
    static void invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
}
