package io.certgate.web.console;

import io.certgate.web.support.CallerContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every refusal and error of a console page is one of the console's own pages ({@link ErrorPages}): an error status
 * that a servlet sends (Faces' 404 for an unknown view, a 405) and any exception (logged with the request id, which
 * the 500 page shows; never its text or stack trace). The container's own refusals before any filter (a 403 of
 * web.xml's constraints) come through {@link ErrorPage}.
 */
@WebFilter(urlPatterns = "/admin/console/*")
public class ConsoleErrors extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class.getName());

    @Inject
    private CallerContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status, String message) throws IOException {
                    sendError(status);
                }

                @Override
                public void sendError(int status) throws IOException {
                    if (isCommitted()) {
                        super.sendError(status);
                        return;
                    }
                    resetBuffer();
                    ErrorPages.write(request, response, status, status >= 500 ? context.requestId() : null);
                    response.flushBuffer();
                }
            });
        } catch (ServletException | RuntimeException e) {
            LOG.log(Level.SEVERE, "console: " + request.getMethod() + " " + request.getRequestURI() + " failed, requestId="
                    + context.requestId(), e);
            if (response.isCommitted()) {
                return; // the page is half sent; the log has the rest
            }
            response.reset();
            ErrorPages.write(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, context.requestId());
        }
    }
}
