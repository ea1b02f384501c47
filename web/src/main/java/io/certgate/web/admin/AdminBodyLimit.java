package io.certgate.web.admin;

import io.certgate.domain.access.Facade;
import io.certgate.web.support.BoundedBody;
import io.certgate.web.support.BoundedRequest;
import io.certgate.web.support.Refusals;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies of the admin API and the console end at {@value #LIMIT} bytes: a larger announced body gets 413 with
 * the API's error body before it is read (the API read 50 MB of JSON before), a chunked one is read here up to the limit
 * and refused the same way once it passes it. Runs after the container authenticated the operator.
 */
@WebFilter(urlPatterns = "/admin/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class AdminBodyLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final int LIMIT = BoundedBody.DEFAULT_LIMIT;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest bounded = BoundedRequest.announcesMoreThan(req, LIMIT) ? null
                : BoundedRequest.buffered(req, LIMIT);
        if (bounded == null) {
            Refusals.refused(Facade.ADMIN, "request_too_large");
            byte[] body = AdminAnswers.error(400, "the request body is larger than " + LIMIT + " bytes").toString()
                    .getBytes(StandardCharsets.UTF_8);
            res.setStatus(413);
            res.setHeader("Connection", "close"); // the unread body is not ours to drain
            res.setContentType("application/json");
            res.setContentLength(body.length);
            res.getOutputStream().write(body);
            return;
        }
        chain.doFilter(bounded, res);
    }
}
