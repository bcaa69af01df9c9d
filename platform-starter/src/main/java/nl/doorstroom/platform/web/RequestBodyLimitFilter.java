package nl.doorstroom.platform.web;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an API request whose declared body is larger than the limit with 413 problem details before anything reads
 * it. A body sent without a length (chunked) is not refused here: Jackson reads it into memory only as far as the
 * request's own objects, whose lists and texts are bounded by validation.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    RequestBodyLimitFilter(long maxBytes, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= maxBytes) {
            chain.doFilter(request, response);
            return;
        }
        var locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                messages.getMessage("doorstroom.problem.payload-too-large.detail", null, locale));
        problem.setTitle(messages.getMessage("doorstroom.problem.payload-too-large.title", null, locale));
        problem.setProperty("maxBytes", maxBytes);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
