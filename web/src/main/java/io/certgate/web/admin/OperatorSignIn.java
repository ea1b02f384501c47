package io.certgate.web.admin;

import io.certgate.domain.access.Facade;
import io.certgate.web.support.Refusals;
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

/**
 * The operators' sign-in: HTTP BASIC under /admin (the admin API and the console), checked against the database
 * identity store ({@link AdminSecurity}) on every request. Every other path is left alone: EnOS Bearer tokens,
 * EST devices' Basic credentials, RA client certificates and DigiCert keys are their facades' business, and a
 * container mechanism that looked at their Authorization headers logged a failed sign-in (CWWKS1652A) for requests
 * that then succeeded. No session is registered and no cookie is read: a disabled operator is refused at the next
 * request, also one that still holds a single sign-on cookie of Liberty's Admin Center.
 */
@ApplicationScoped
public class OperatorSignIn implements HttpAuthenticationMechanism {

    static final String REALM = "certgate admin";
    static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";
    private static final String LIBERTY_REALM = "com.ibm.wsspi.security.cred.realm";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        // every protected resource of the application is an operator's (web.xml: /admin/*)
        if (!context.isProtected() && !BasicCredentials.operatorPath(pathOf(request))) {
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (!BasicCredentials.isBasic(authorization)) {
            return context.isProtected() ? challenge(response, context) : context.doNothing();
        }
        CredentialValidationResult result = BasicCredentials.parse(authorization)
                .map(c -> identityStores.validate(new UsernamePasswordCredential(c.user(), c.password())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        // a refused sign-in: counted, and Liberty logs it (CWWKS1652A, with the path)
        Refusals.authenticationFailed(Facade.ADMIN);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }

    /** The decoded path within the application, as the security constraints match it. */
    private static String pathOf(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    /**
     * Asks for credentials: a challenge, not a failure (SEND_CONTINUE with 401), so that a browser's first request
     * without them is not logged as a failed sign-in.
     */
    @SuppressWarnings("unchecked")
    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        // Liberty writes the challenge of a 401 itself, naming this realm (else its user registry's, the Admin Center's)
        context.getMessageInfo().getMap().put(LIBERTY_REALM, REALM);
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
