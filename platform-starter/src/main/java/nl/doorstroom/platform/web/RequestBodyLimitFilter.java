package nl.doorstroom.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every API request body to the limit. One that declares a larger length is refused with 413 problem details
 * before anything reads it; one sent without a length (chunked) fails as soon as whoever reads it passes the limit
 * ({@link BodyTooLargeException}, answered 413 by {@link ProblemDetailsAdvice}), so nothing beyond the limit is ever
 * read. A request refused for its role is refused before its body is read at all.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Map<String, Long> maxBytesByPath;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    /**
     * @param maxBytes       the limit of every request
     * @param maxBytesByPath another limit for a path, matched exactly (without the context path): an upload
     */
    RequestBodyLimitFilter(long maxBytes, Map<String, Long> maxBytesByPath, MessageSource messages,
                           LocaleResolver locales, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.maxBytesByPath = Map.copyOf(maxBytesByPath);
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** A body read past the limit. */
    static final class BodyTooLargeException extends IOException {

        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        long maxBytes() {
            return maxBytes;
        }
    }

    static ProblemDetail tooLarge(MessageSource messages, Locale locale, long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                messages.getMessage("doorstroom.problem.payload-too-large.detail", null, locale));
        problem.setTitle(messages.getMessage("doorstroom.problem.payload-too-large.title", null, locale));
        problem.setProperty("maxBytes", maxBytes);
        return problem;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the path as sent: a spelling that is not exactly the upload's (and so refused later anyway) gets the default
        long limit = maxBytesByPath.getOrDefault(request.getRequestURI().substring(request.getContextPath().length()),
                maxBytes);
        long declared = request.getContentLengthLong();
        if (declared <= limit) {
            chain.doFilter(declared < 0 ? new Limited(request, limit) : request, response);
            return;
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), tooLarge(messages, locales.resolveLocale(request), limit));
    }

    /** A request whose body stream fails once more than the limit is read from it. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit
            int n = body.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
