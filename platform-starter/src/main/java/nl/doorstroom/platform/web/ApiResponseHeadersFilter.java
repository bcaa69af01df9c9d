package nl.doorstroom.platform.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers the NL API Design Rules ask on every API response: the full {@code API-Version}, and the security headers
 * that keep personal data out of caches and frames.
 */
public class ApiResponseHeadersFilter extends OncePerRequestFilter {

    /** The full version of the API that answered (NL API Design Rules, API-57). */
    public static final String HEADER = "API-Version";

    private final String apiVersion;

    public ApiResponseHeadersFilter(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, apiVersion);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        chain.doFilter(request, response);
    }
}
