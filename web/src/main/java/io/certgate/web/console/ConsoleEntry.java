package io.certgate.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * {@code /admin}, {@code /admin/} and {@code /admin/console(/)} lead to the console's home page. A filter, not a
 * servlet: JAX-RS holds {@code /*}, and Liberty hands {@code /admin/} to it even with an exact servlet mapping; every
 * other path under /admin (the API, the console's pages) passes through untouched.
 */
@WebFilter(urlPatterns = "/admin/*")
public class ConsoleEntry extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> ENTRIES = Set.of("/admin", "/admin/", "/admin/console", "/admin/console/");
    static final String HOME = "/admin/console/home.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ENTRIES.contains(path) && "GET".equals(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        chain.doFilter(request, response);
    }
}
