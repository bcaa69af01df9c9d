package nl.doorstroom.platform.deadletters;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.doorstroom.platform.pages.PageController;
import nl.doorstroom.platform.paging.ListPage;
import nl.doorstroom.platform.paging.Pager;
import nl.doorstroom.platform.paging.Paging;
import nl.doorstroom.platform.web.NotFoundException;
import nl.doorstroom.platform.write.FieldProblemsException;

/**
 * Dode letters: per source topic a table of its dead letters with a replay button per row and one for the whole
 * topic, for the platform operator. Every service has this page; each shows the dead letters of the catalogue's
 * topics, so any one of them will do. A replay is a form post (with the session's CSRF token) that comes back here
 * with what it did.
 */
@PageController
@PreAuthorize("hasRole('platform-operator')")
@RequestMapping(DeadLetterPage.PATH)
public class DeadLetterPage {

    static final String PATH = "/beheer/dode-letters";
    /** Dead letters per topic on the overview; the rest are one link away, on the topic's own paged list. */
    static final int OVERVIEW_ROWS = 10;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private final DeadLetterOperations deadLetters;
    private final String service;

    DeadLetterPage(DeadLetterOperations deadLetters, @Value("${spring.application.name:}") String service) {
        this.deadLetters = deadLetters;
        this.service = service;
    }

    /** A dead letter as a table row: times as people read them, in Dutch time. */
    public record Row(DeadLetter deadLetter, String timestamp, String replayedAt) {

        static Row of(DeadLetter letter) {
            return new Row(letter, format(letter.timestamp()), format(letter.replayedAt()));
        }

        private static String format(Instant instant) {
            return instant == null ? null : TIME.format(instant.atZone(AMSTERDAM));
        }
    }

    /**
     * One topic's table.
     *
     * @param topic the source topic
     * @param rows  the rows shown
     * @param pager the pager of the topic's own list; {@code null} on the overview
     * @param total how many dead letters the topic has
     */
    public record Section(String topic, ListPage<Row> rows, Pager pager, int total) {

        public boolean more() {
            return pager == null && total > rows.rows().size();
        }
    }

    @GetMapping
    public String deadLetters(@RequestParam(required = false) String topic, @RequestParam(required = false) String page,
                              @RequestParam(required = false) String pageSize, Model model) {
        List<Section> sections = new ArrayList<>();
        // an edited or outdated link to an unknown topic shows the overview
        if (topic != null && deadLetters.sourceTopics().contains(topic)) {
            ListPage<Row> rows = deadLetters.list(topic, Paging.lenient(page, pageSize)).map(Row::of);
            sections.add(new Section(topic, rows, new Pager(rows, PATH, Map.of("topic", topic)), rows.total()));
        } else {
            Paging first = new Paging(1, OVERVIEW_ROWS);
            deadLetters.byTopic().forEach((source, letters) ->
                    sections.add(new Section(source, first.slice(letters, Row::of), null, letters.size())));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("service", service);
        return "doorstroom/dead-letters";
    }

    @PostMapping("/{id}/herhalingen")
    public String replay(@PathVariable String id, RedirectAttributes redirect) {
        try {
            DeadLetterOperations.Replay replay = deadLetters.replay(id);
            flash(redirect, replay.publishedNow() ? "replayed" : "already-replayed", replay.deadLetter().id());
        } catch (NotFoundException e) {
            flash(redirect, "not-found", null);
        }
        return "redirect:" + PATH;
    }

    @PostMapping("/herhalingen")
    public String replayAll(@RequestParam(required = false) String topic, RedirectAttributes redirect) {
        try {
            int replayed = deadLetters.replayAll(topic);
            redirect.addFlashAttribute("flash", "replayed-all");
            redirect.addFlashAttribute("flashCount", replayed);
            redirect.addFlashAttribute("flashSubject", topic);
        } catch (FieldProblemsException e) {
            flash(redirect, "unknown-topic", null);
        }
        return "redirect:" + PATH;
    }

    private static void flash(RedirectAttributes redirect, String message, String subject) {
        redirect.addFlashAttribute("flash", message);
        redirect.addFlashAttribute("flashSubject", subject);
    }
}
