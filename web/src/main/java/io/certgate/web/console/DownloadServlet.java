package io.certgate.web.console;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands out a file of {@link OneTimeDownloads} once, as an attachment that no cache keeps; a second request for it, or
 * another session's, is the console's 404 page. Only admins made such files, so only admins fetch them.
 */
@WebServlet(DownloadServlet.PATH)
public class DownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/admin/console/download";

    @Inject
    private OneTimeDownloads downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole("admin")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        var file = downloads.take(request.getParameter("id"));
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] content = file.get().content();
        response.setContentType(file.get().mediaType());
        // the names are identifiers ([A-Za-z0-9_.:-]), safe in the header as they are
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.get().name() + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    /** The address of a kept file. */
    static String url(String contextPath, String id) {
        return contextPath + PATH + "?id=" + id;
    }
}
