package io.certgate.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The console's styled answer to a refusal or an error: what happened in the operator's words, never a cause. */
final class ErrorPages {

    private ErrorPages() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String requestId)
            throws IOException {
        String home = "<p><a id=\"home\" href=\"" + request.getContextPath() + ConsolePaths.HOME
                + "\">Go to the console's home page</a></p>";
        switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> ConsolePageWriter.write(request, response, status,
                    "Sign in first", null, false, "<p class=\"notice\" id=\"refusal\">This page is for signed-in "
                            + "operators.</p><p><a id=\"signInLink\" href=\"" + request.getContextPath()
                            + ConsolePaths.SIGN_IN + "\">Sign in</a></p>");
            case HttpServletResponse.SC_FORBIDDEN -> ConsolePageWriter.write(request, response, status,
                    "Not allowed", null, false, "<p class=\"notice\" id=\"refusal\">Your operator role may not do this"
                            + " (auditors read, approvers also decide pending requests, admins change everything). "
                            + "Nothing was changed.</p>" + home);
            case HttpServletResponse.SC_NOT_FOUND -> ConsolePageWriter.write(request, response, status,
                    "No such page", null, false, "<p class=\"notice\" id=\"refusal\">The console has no page at this "
                            + "address.</p>" + home);
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> ConsolePageWriter.write(request, response, status,
                    "Not possible here", null, false, "<p class=\"notice\" id=\"refusal\">This page does not take a "
                            + "request of this kind. Nothing was changed.</p>" + home);
            default -> ConsolePageWriter.write(request, response, status, status >= 500 ? "Something went wrong"
                            : "Request refused", null, false, "<p class=\"notice\" id=\"refusal\">"
                            + (status >= 500 ? "The server could not complete this request; the page shows nothing of "
                            + "the cause. " : "The console could not serve this request (HTTP " + status + "). ")
                            + (requestId == null ? "" : "Request id <span class=\"mono\" id=\"requestId\">"
                            + ConsolePageWriter.escape(requestId) + "</span> (the server's log names it).")
                            + "</p>" + home);
        }
    }
}
