package nl.doorstroom.platform.pages;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.platform.web.RefusalStatus;
import nl.doorstroom.platform.write.ChangeRefusedException;
import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.platform.write.StaleVersionException;

/**
 * How every form page sends a change: a form with mistakes comes back with 400; a valid one is applied, and a change
 * the service refuses comes back on the form with the refusal's status. The one place where a refused change becomes
 * form errors: a field problem on its field (a V-number already registered), a change based on an older version as a
 * message for the whole form with the version the record is at now ({@value #CURRENT_VERSION}, which the form then
 * carries, so that the user looks again instead of overwriting someone else's work), anything else as a message for
 * the whole form.
 */
public final class PageForms {

    /** The model attribute with the record's version when a change was based on an older one. */
    public static final String CURRENT_VERSION = "currentVersion";
    /** The hidden field whose value is the change's Idempotency-Key: a form sent twice is applied once. */
    public static final String SUBMISSION_KEY = "submissionKey";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private PageForms() {
    }

    /** A fresh submission key for a form that is about to be shown. */
    public static String newSubmissionKey() {
        return UUID.randomUUID().toString();
    }

    /** The key the form was sent with; a missing or malformed one (only a hand-made request has that) means none. */
    public static String submissionKey() {
        return submissionKey(request().getParameter(SUBMISSION_KEY));
    }

    /** The key as sent, read by the caller (a multipart form's fields are not the request's parameters); see above. */
    public static String submissionKey(String sent) {
        return sent != null && KEY.matcher(sent).matches() ? sent : null;
    }

    /**
     * Applies the change of a bound form.
     *
     * @param change applies the change and names the page that follows (a redirect)
     * @param form   the form again, for mistakes and refusals
     * @return the view to show
     */
    public static String submit(BindingResult result, Model model, Supplier<String> change, Supplier<String> form) {
        if (result.hasErrors()) {
            response().setStatus(HttpStatus.BAD_REQUEST.value());
            return form.get();
        }
        try {
            return change.get();
        } catch (ChangeRefusedException refusal) {
            refused(refusal, result, model);
            return form.get();
        }
    }

    /** Puts a refused change on the form and sets the response status for it. */
    public static void refused(ChangeRefusedException refusal, BindingResult result, Model model) {
        HttpServletRequest request = request();
        for (FieldProblem problem : refusal.fieldProblems()) {
            if (isField(result, problem.field())) {
                // shown as the user typed it, even where the form turned it into something else (a name into a code);
                // a text as typed is shown as it is, like a value that could not be converted
                String typed = request.getParameter(problem.field());
                result.addError(new FieldError(result.getObjectName(), problem.field(),
                        typed != null ? typed : result.getFieldValue(problem.field()), typed != null,
                        new String[]{problem.reasonKey()}, null,
                        problem.reason() != null ? problem.reason() : problem.reasonKey()));
            } else {
                result.reject(problem.reasonKey(), problem.reason());
            }
        }
        if (refusal instanceof StaleVersionException stale) {
            int current = stale.currentVersion().getAsInt();
            model.addAttribute(CURRENT_VERSION, current);
            result.reject("page.form.stale", new Object[]{current, request.getParameter("version")}, "page.form.stale");
        } else if (refusal.fieldProblems().isEmpty()) {
            result.reject(refusal.messageKey() + ".detail");
        }
        response().setStatus(RefusalStatus.of(refusal).value());
    }

    /**
     * Shows a bound form as {@code shown}, the same form completed for showing (empty rows to fill in): the messages
     * and the values as they were typed stay.
     */
    public static void show(Object shown, BindingResult result, Model model, ConversionService conversions) {
        BeanPropertyBindingResult again = new BeanPropertyBindingResult(shown, result.getObjectName());
        again.initConversion(conversions);
        again.addAllErrors(result);
        model.addAttribute(result.getObjectName(), shown);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), again);
    }

    /**
     * The form as far as it can be read, for showing it again: a record is not constructed at all when one of its
     * values cannot be converted (a date that does not exist), so it is read once more without those values; their
     * messages keep what was typed.
     */
    public static <T> T readable(Class<T> type, BindingResult result, ConversionService conversions) {
        Set<String> failed = result.getFieldErrors().stream().filter(FieldError::isBindingFailure)
                .map(FieldError::getField).collect(Collectors.toSet());
        Map<String, String[]> values = request().getParameterMap();
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, result.getObjectName());
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(conversions);
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> paramType) {
                String[] value = failed.contains(name) ? null : values.get(name);
                return value == null ? null : value.length == 1 ? value[0] : value;
            }

            @Override
            public Set<String> getNames() {
                return values.keySet().stream().filter(name -> !failed.contains(name)).collect(Collectors.toSet());
            }
        });
        return type.cast(binder.getTarget());
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static HttpServletResponse response() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    }

    private static boolean isField(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (InvalidPropertyException e) {
            return false;
        }
    }
}
