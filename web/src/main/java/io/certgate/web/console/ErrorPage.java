package io.certgate.web.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The page of the container's 403 (web.xml's error page: its constraints keep auditors to GET under /admin, before any
 * filter runs): a console page for the console, the admin API's own error body for the API (as its role refusals
 * answer), and the bare status anywhere else.
 */
@WebServlet("/admin/console/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String u ? u : request.getRequestURI();
        if (uri.startsWith(request.getContextPath() + "/admin/api/")) {
            // web.xml sends only the container's 403 here: the API's refusal by role
            byte[] body = io.certgate.web.admin.RoleRefusals.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } else if (uri.startsWith(request.getContextPath() + ConsolePaths.ROOT)) {
            ErrorPages.write(request, response, status, null);
        } else {
            response.setStatus(status);
            response.setContentLength(0);
        }
    }
}
