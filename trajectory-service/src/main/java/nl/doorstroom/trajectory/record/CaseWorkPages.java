package nl.doorstroom.trajectory.record;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.doorstroom.platform.audit.ProcessingLog;
import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.trajectory.handover.HandoverDetails;
import nl.doorstroom.trajectory.handover.Handovers;
import nl.doorstroom.trajectory.handover.MunicipalityCodes;

/**
 * What the case worker's pages of every feature share: the person they are about (in the municipality's scope, the
 * dossier read with its processing-log entry), the page around a form, and the way back to the person page.
 */
@Component
public class CaseWorkPages {

    /** Base path of one person's pages. */
    public static final String PATH = "/gemeenten/{municipalityCode}/trajecten/{personId}";

    private final TrajectoryRecords records;
    private final Handovers handovers;
    private final MunicipalityCodes municipalities;
    private final ProcessingLog processingLog;
    private final MessageSource messages;

    CaseWorkPages(TrajectoryRecords records, Handovers handovers, MunicipalityCodes municipalities,
                  ProcessingLog processingLog, MessageSource messages) {
        this.messages = messages;
        this.records = records;
        this.handovers = handovers;
        this.municipalities = municipalities;
        this.processingLog = processingLog;
    }

    /** The trajectory a new form is based on. */
    public TrajectoryRecord current(String municipalityCode, String personId) {
        return records.requireVisible(municipalityCode, personId).record();
    }

    /** The handover dossier; not found when the person is not linked to the user's municipality. */
    public HandoverDetails dossier(String municipalityCode, String personId) {
        municipalities.requireVisible(municipalityCode);
        return processingLog.record(Handovers.WARM_HANDOVER, "handover.read-dossier", List.of(personId),
                () -> handovers.details(municipalityCode, personId).orElseThrow(() -> new NotFoundException("person")));
    }

    /** The form page {@code view} for the person: their name and municipality above the form in the model. */
    public String form(String view, String municipalityCode, String personId, Model model) {
        header(municipalityCode, personId, dossier(municipalityCode, personId), model);
        return view;
    }

    /** The person and municipality a page is about. */
    public void header(String municipalityCode, String personId, HandoverDetails dossier, Model model) {
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("municipalityName", municipalities.nameOf(municipalityCode));
        model.addAttribute("personId", personId);
        model.addAttribute("personName", personName(dossier));
    }

    /** Back to the person page after a change, saying what was saved ({@code page.saved.<form>}). */
    public static String saved(String municipalityCode, String personId, String form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", "page.saved." + form);
        return "redirect:" + personPage(municipalityCode, personId);
    }

    public static String personPage(String municipalityCode, String personId) {
        return PATH.replace("{municipalityCode}", municipalityCode).replace("{personId}", personId);
    }

    /** The choices of a select: every constant but {@code UNKNOWN}, named by {@code page.option.<Type>.<CONSTANT>}. */
    public <E extends Enum<E>> List<Option> options(Class<E> type) {
        Locale locale = LocaleContextHolder.getLocale();
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(value -> !value.equals("UNKNOWN"))
                .map(value -> new Option(value, messages.getMessage("page.option." + type.getSimpleName() + "." + value,
                        null, value, locale)))
                .toList();
    }

    public static String personName(HandoverDetails dossier) {
        return dossier.registration() == null ? null
                : dossier.registration().givenNames() + " " + dossier.registration().familyName();
    }
}
