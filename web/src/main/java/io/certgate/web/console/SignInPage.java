package io.certgate.web.console;

import io.certgate.ejb.access.SignInThrottle;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The console's sign-in page (open to everyone, web.xml): the form, and its post, which hands the name and password
 * to the operators' authentication mechanism ({@link ConsoleAuthentication}) and then leads to the page the operator
 * wanted, or answers the refusal on the same page: a wrong name or password (401) or throttled sign-ins (429 with
 * Retry-After). Signing in as another operator in the same browser simply replaces the session.
 */
@WebServlet(ConsolePaths.SIGN_IN)
public class SignInPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Why a page came here: the operator signed out, idled too long, was disabled or given a new password, or the
     * session is gone.
     */
    static final String SIGNED_OUT = "signed-out";
    static final String IDLE = "idle";
    static final String DISABLED = "disabled";
    static final String PASSWORD_CHANGED = "password-changed";
    static final String ENDED = "ended";

    @Inject
    private SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = switch (String.valueOf(request.getParameter("ended"))) {
            case SIGNED_OUT -> "You signed out.";
            case IDLE -> "You were signed out after " + spoken(ConsoleSettings.idleTimeout())
                    + " without activity. Sign in again.";
            case DISABLED -> "Your operator can no longer sign in (disabled): the session ended.";
            case PASSWORD_CHANGED -> "Your operator was given a new password: the session ended. Sign in with the "
                    + "new password.";
            case ENDED -> "Your console session ended (signed out, timed out or the server restarted). Sign in again.";
            default -> request.getRemoteUser() == null ? null : "Signed in as " + request.getRemoteUser()
                    + ". Sign in as another operator here, or go back to the console.";
        };
        page(request, response, HttpServletResponse.SC_OK, message, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SignInTokens.matches(request)) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "This sign-in form was not opened in this "
                    + "browser, or is too old: sign in again.", true);
            return;
        }
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "Enter the operator's name and password.", true);
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(user.trim(), password)).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            String next = ConsolePaths.returnTo(request.getParameter("next"));
            response.sendRedirect(request.getContextPath() + (next == null ? ConsolePaths.HOME : next));
            return;
        }
        if (request.getAttribute(ConsoleAuthentication.THROTTLED) instanceof SignInThrottle.Refusal refusal) {
            long seconds = refusal.retryAfterSeconds(Instant.now());
            response.setHeader("Retry-After", Long.toString(seconds));
            page(request, response, 429, "Too many failed sign-ins " + (refusal.scope() == SignInThrottle.Scope.USER
                    ? "of this operator" : "from this address") + ": try again in " + spoken(Duration.ofSeconds(seconds))
                    + ".", true);
            return;
        }
        page(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Wrong operator name or password, or the "
                + "operator is disabled.", true);
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String message,
                             boolean error) throws IOException {
        String token = SignInTokens.issue(request, response);
        String next = ConsolePaths.returnTo(request.getParameter("next"));
        String action = request.getContextPath() + ConsolePaths.SIGN_IN;
        String form = "<form id=\"signInForm\" class=\"fields signin\" method=\"post\" action=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"" + SignInTokens.FIELD + "\" value=\"" + token + "\"/>"
                + (next == null ? "" : "<input type=\"hidden\" name=\"next\" value=\"" + ConsolePageWriter.escape(next)
                + "\"/>")
                + "<div><label for=\"username\">Operator</label>"
                + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required=\"required\""
                + " autofocus=\"autofocus\" maxlength=\"64\"/></div>"
                + "<div><label for=\"password\">Password</label>"
                + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\""
                + " required=\"required\"/></div>"
                + "<div><button type=\"submit\" id=\"signIn\">Sign in</button></div></form>"
                + "<p class=\"hint\">The operators of this certgate server sign in here; the admin API takes the same "
                + "name and password over HTTP Basic.</p>";
        ConsolePageWriter.write(request, response, status, "Sign in", message, error, form);
    }

    /** "15 minutes", "1 minute", "30 seconds". */
    static String spoken(Duration d) {
        long s = Math.max(1, d.toSeconds());
        if (s % 60 == 0) {
            long m = s / 60;
            return m + (m == 1 ? " minute" : " minutes");
        }
        return s + (s == 1 ? " second" : " seconds");
    }
}
