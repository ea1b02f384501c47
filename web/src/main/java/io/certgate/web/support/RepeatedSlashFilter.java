package io.certgate.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Collapses repeated slashes in the path ({@code //connect-service/...}): EnOS SDK request classes whose paths
 * start with '/' produce them when the base URL ends with '/'.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RepeatedSlashFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String uri = req.getRequestURI();
        if (uri != null && uri.contains("//")) {
            String path = uri.substring(req.getContextPath().length()).replaceAll("/{2,}", "/");
            String query = req.getQueryString();
            req.getRequestDispatcher(query == null ? path : path + "?" + query).forward(req, res);
            return;
        }
        chain.doFilter(req, res);
    }
}
