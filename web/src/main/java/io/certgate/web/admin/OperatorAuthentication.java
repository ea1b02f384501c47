package io.certgate.web.admin;

import io.certgate.ejb.access.OperatorSignIns;
import io.certgate.ejb.access.SignInThrottle;
import io.certgate.ejb.ca.tls.ServerTlsNames;
import io.certgate.web.console.ConsoleAuthentication;
import io.certgate.web.console.ConsolePaths;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The operators' sign-in: HTTP BASIC for the admin API, asked only about the requests web.xml protects (/admin/*),
 * and the console's form sign-in and session ({@link ConsoleAuthentication}) for everything under /admin/console
 * (one mechanism per application: Jakarta Security 3 takes one). Both over HTTPS only. The built-in BASIC mechanism
 * judged every request with an Authorization header: an EnOS {@code Bearer} token or an EST device's Basic secret
 * failed it, and Liberty logged CWWKS1652A ("Authentication failed ... SEND_FAILURE") for each such request before
 * the facade authenticated it successfully; under load that one message tripped Liberty's log throttling. The other
 * facades authenticate their own callers; here they are left alone.
 */
@ApplicationScoped
public class OperatorAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "certgate admin";
    private static final String LIBERTY_REALM = "com.ibm.wsspi.security.cred.realm";

    @Inject
    private IdentityStoreHandler identityStores;

    @EJB
    private OperatorSignIns signIns;

    @Inject
    private ConsoleAuthentication console;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        boolean console = ConsolePaths.console(request);
        if (!console && !context.isProtected() && !context.isAuthenticationRequest()) {
            notBasic(context);
            return context.doNothing();
        }
        if (!request.isSecure()) {
            // operators only over HTTPS; the redirect names the server's own host, never the request's Host header
            return context.redirect(HttpsRedirects.location(request.getHeader("Host"), request.getRequestURI(),
                    request.getQueryString(), ServerTlsNames.configured(), ServerTlsNames.publicBaseUrl(),
                    HttpsRedirects.httpsPort()));
        }
        if (console) {
            notBasic(context); // the console signs in with its form and a session, never with HTTP Basic
            return this.console.validateRequest(request, context);
        }
        UsernamePasswordCredential credential = basic(request.getHeader("Authorization"));
        if (credential == null) {
            challenge(response); // a browser's first request: ask for the login, nothing failed yet
            // Liberty writes this 401's challenge itself, naming this realm, else its user registry's (the Admin Center's)
            realmOfChallenge(context).put(LIBERTY_REALM, REALM);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        Optional<SignInThrottle.Refusal> throttled = signIns.refusal(credential.getCaller(), request.getRemoteAddr());
        if (throttled.isPresent()) {
            return throttled(response, context, throttled.get()); // the password is not even checked
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        challenge(response);
        return context.responseUnauthorized(); // a failed operator sign-in (counted by FailedOperatorLogins)
    }

    /** The user and password of an {@code Authorization: Basic} header, or null for anything else. */
    static UsernamePasswordCredential basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /**
     * Tells Liberty that nothing here was HTTP Basic (the Servlet Container Profile's auth type key). Otherwise Liberty,
     * seeing no login-config, takes every request for BASIC and decodes any {@code Authorization: Basic} header for its
     * audit record after this mechanism returned, even of requests it leaves alone; a malformed one ({@code Basic abc}:
     * not base64; {@code Basic Zm9v}: no colon) failed there with a NullPointerException or a
     * StringIndexOutOfBoundsException, a 500 page with the exception's text and an FFDC entry on every path. Requests
     * under /admin never reach this with such a header: {@link MalformedBasicHeaders}.
     */
    static void notBasic(HttpMessageContext context) {
        realmOfChallenge(context).put(AUTH_TYPE, "CERTGATE");
    }

    /** The MessageInfo key whose value becomes the request's auth type (Jakarta Authentication, Servlet profile). */
    static final String AUTH_TYPE = "jakarta.servlet.http.authType";

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> realmOfChallenge(HttpMessageContext context) {
        return context.getMessageInfo().getMap();
    }

    /**
     * A sign-in refused by throttling: 429 with Retry-After and the admin API's error body, written and committed
     * here (Liberty sends a committed answer as it is).
     */
    private static AuthenticationStatus throttled(HttpServletResponse response, HttpMessageContext context,
                                                  SignInThrottle.Refusal refusal) {
        long seconds = refusal.retryAfterSeconds(java.time.Instant.now());
        byte[] body = jakarta.json.Json.createObjectBuilder().add("error", "too_many_failed_sign_ins")
                .add("message", "too many failed sign-ins " + (refusal.scope() == SignInThrottle.Scope.USER
                        ? "of this operator" : "from this address") + "; try again in " + seconds + " s")
                .build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (java.io.IOException gone) {
            // the client left; nothing more to say
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static void challenge(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
