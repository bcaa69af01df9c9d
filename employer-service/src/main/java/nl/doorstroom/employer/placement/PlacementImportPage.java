package nl.doorstroom.employer.placement;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.pages.PageForms;
import nl.doorstroom.platform.web.RefusalStatus;
import nl.doorstroom.platform.write.ChangeRefusedException;
import nl.doorstroom.platform.write.FieldProblem;

/**
 * The employer uploads a CSV file of placements ({@link PlacementImports}, the API's import): all of them are
 * published, or none, and then every problem is listed by row and column in the page's language. The form's
 * submission key is the import's Idempotency-Key, so sending the same file again after a failure completes it without
 * copies.
 */
@PageController
@PreAuthorize("hasRole('employer')")
@RequestMapping(PlacementPages.PATH + "/importeren")
class PlacementImportPage {

    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.?(.*)");

    private final PlacementImports imports;
    private final MessageSource messages;

    PlacementImportPage(PlacementImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** One problem of the file, as the employer reads it: where (row and column, or the file) and what. */
    record ImportProblem(String where, String what) {
    }

    /** The header row of a file, every column named as the importer reads it. */
    @ModelAttribute("header")
    String header() {
        return Arrays.stream(PlacementCsv.Column.values()).map(PlacementCsv.Column::header).collect(Collectors.joining(";"));
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute(PageForms.SUBMISSION_KEY, PageForms.newSubmissionKey());
        return "placement/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = PageForms.SUBMISSION_KEY, required = false) String submissionKey, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String key = PageForms.submissionKey(submissionKey);
        try {
            imports.importCsv(file == null ? new byte[0] : file.getBytes(), key);
            redirect.addFlashAttribute("saved", "page.saved.placement.imported");
            return "redirect:" + PlacementPages.PATH;
        } catch (ChangeRefusedException refusal) {
            Locale locale = LocaleContextHolder.getLocale();
            List<ImportProblem> problems = refusal.fieldProblems().isEmpty()
                    ? List.of(new ImportProblem(messages.getMessage("page.import.file", null, locale),
                            messages.getMessage(refusal.messageKey() + ".detail", null, refusal.messageKey(), locale)))
                    : refusal.fieldProblems().stream().map(problem -> problem(problem, locale)).toList();
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("problems", problems);
            // the same key again: the corrected file, or the same after a 503, is the same import
            model.addAttribute(PageForms.SUBMISSION_KEY, key != null ? key : PageForms.newSubmissionKey());
            return "placement/import";
        }
    }

    private ImportProblem problem(FieldProblem problem, Locale locale) {
        String what = problem.reason() != null ? problem.reason()
                : messages.getMessage(problem.reasonKey(), null, problem.reasonKey(), locale);
        Matcher row = ROW_FIELD.matcher(problem.field());
        String where = !row.matches() ? messages.getMessage("page.import.file", null, locale)
                : row.group(2).isEmpty() ? messages.getMessage("page.import.row", new Object[]{row.group(1)}, locale)
                : messages.getMessage("page.import.row-column", new Object[]{row.group(1), row.group(2)}, locale);
        return new ImportProblem(where, what);
    }
}
