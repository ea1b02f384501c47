package io.certgate.web.console;

import io.certgate.domain.access.OperatorRole;
import io.certgate.ejb.access.AdminUsers;
import io.certgate.ejb.access.OperatorSignIns;
import io.certgate.ejb.access.SignInThrottle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The console's sign-in, for the operators' authentication mechanism ({@code web.admin.OperatorAuthentication}) on
 * every request under /admin/console: a form sign-in ({@link SignInPage} hands the credential over through
 * {@code SecurityContext.authenticate}) checked by the same identity stores and the same throttling as the admin
 * API's Basic sign-in, then a session that names the operator. Each later request is the operator's while the session
 * was active within the idle timeout and the operator is still enabled with the password it signed in with (its role
 * and credential stamp read from the database each time); otherwise the session ends and a page goes to the sign-in page. Authorization headers are not looked at here.
 */
@ApplicationScoped
public class ConsoleAuthentication {

    /** The request attribute that tells {@link SignInPage} that a sign-in was throttled (a SignInThrottle.Refusal). */
    static final String THROTTLED = ConsoleAuthentication.class.getName() + ".throttled";

    @Inject
    private IdentityStoreHandler identityStores;

    @EJB
    private OperatorSignIns signIns;

    @EJB
    private AdminUsers operators;

    @Inject
    private io.certgate.web.support.CallerContext callerContext;

    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            return signIn(credential, request, context);
        }
        HttpSession session = request.getSession(false);
        Object held = session == null ? null : session.getAttribute(ConsoleSession.KEY);
        String ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
                ? SignInPage.ENDED : null;
        if (held instanceof ConsoleSession signedIn) {
            Instant now = Instant.now();
            Optional<OperatorRole> role = Optional.empty();
            if (signedIn.idleAt(now, ConsoleSettings.idleTimeout())) {
                ended = SignInPage.IDLE;
            } else {
                role = operators.sessionRole(signedIn.operator(), signedIn.credentialStamp());
                ended = role.isPresent() || operators.enabledRole(signedIn.operator()).isEmpty() ? SignInPage.DISABLED
                        : SignInPage.PASSWORD_CHANGED;
            }
            if (role.isPresent()) {
                signedIn.seenAt(now);
                session.setAttribute(ConsoleSession.KEY, signedIn); // a changed attribute, also for a persisted session
                return context.notifyContainerAboutLogin(signedIn.operator(), Set.of(role.get().roleName()));
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing(); // the sign-in page and the stylesheet
        }
        return context.redirect(ConsolePaths.signIn(request, ended));
    }

    /**
     * The sign-in form's credential: throttled as the admin API's (the password is then not checked), validated by the
     * identity stores (a refusal is counted and audited by web.admin.FailedOperatorLogins), and on success a new
     * session: whatever session the browser held (another operator's, or one from before) is invalidated first, so
     * the session id changes at every sign-in (no session fixation, no session of another operator). The session
     * keeps the operator's credential stamp, and the sign-in is audited ({@value OperatorSignIns#SIGNED_IN}).
     */
    private AuthenticationStatus signIn(UsernamePasswordCredential credential, HttpServletRequest request,
                                        HttpMessageContext context) {
        Optional<SignInThrottle.Refusal> throttled = signIns.refusal(credential.getCaller(), request.getRemoteAddr());
        if (throttled.isPresent()) {
            request.setAttribute(THROTTLED, throttled.get());
            return context.responseUnauthorized();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        Optional<String> stamp = result.getStatus() == CredentialValidationResult.Status.VALID
                ? operators.credentialStamp(result.getCallerPrincipal().getName()) : Optional.empty();
        if (stamp.isEmpty()) {
            return context.responseUnauthorized();
        }
        HttpSession before = request.getSession(false);
        if (before != null) {
            before.invalidate();
        }
        HttpSession session = request.getSession(true);
        Duration idle = ConsoleSettings.idleTimeout();
        // the container keeps the session a little longer than the idle timeout, which this class decides
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle.toSeconds() + 60));
        String operator = result.getCallerPrincipal().getName();
        session.setAttribute(ConsoleSession.KEY, new ConsoleSession(operator, stamp.get(), Instant.now()));
        signIns.succeeded(operator, request.getRemoteAddr(), requestId());
        return context.notifyContainerAboutLogin(result);
    }

    private String requestId() {
        try {
            return callerContext.requestId();
        } catch (RuntimeException noRequestScope) {
            return java.util.UUID.randomUUID().toString();
        }
    }
}
