package io.certgate.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's pages load nothing but what the server serves (no inline script, no other origin), are never
 * framed, send no referrer and are not stored: a device secret is shown once and must not outlive the page.
 */
@WebFilter(urlPatterns = "/admin/console/*")
public class ConsoleHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response);
        chain.doFilter(request, response);
    }

    /** Also for the pages of an error dispatch, which the filter does not see. */
    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
