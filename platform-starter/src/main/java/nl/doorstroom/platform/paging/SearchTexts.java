package nl.doorstroom.platform.paging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The search text of a list page, held in the user's session: a name or V-number is personal data, so it is posted
 * and kept on the server, never put in a URL, a page link or an access log (DESIGN §7). Page links and filters then
 * stay plain GETs. Signing out ends the session and the text with it.
 */
public final class SearchTexts {

    private static final String PREFIX = "doorstroom.search-text.";

    private SearchTexts() {
    }

    /** Keeps the text for the list; a blank text forgets it. */
    public static void remember(HttpServletRequest request, String list, String text) {
        if (text == null || text.isBlank()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(PREFIX + list);
            }
        } else {
            request.getSession(true).setAttribute(PREFIX + list, text.strip());
        }
    }

    /** The text kept for the list, or {@code null}. */
    public static String recall(HttpServletRequest request, String list) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(PREFIX + list);
    }
}
