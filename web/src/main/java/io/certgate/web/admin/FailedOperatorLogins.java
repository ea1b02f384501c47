package io.certgate.web.admin;

import io.certgate.domain.access.Facade;
import io.certgate.web.support.Refusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;

/**
 * Counts the operators' failed sign-ins for /metrics. The identity store handler asks the stores in priority
 * order until one validates the credential; this one comes last, so it is asked only about a credential the
 * database store (AdminSecurity) refused, and it never validates anything itself. The BASIC mechanism hands it
 * every Basic credential of the application, EST devices' too: only those sent under /admin count (the admin API's
 * Basic and the console's sign-in form). For those it
 * also spends, when the name is no enabled operator's, the time a password check takes, and records the failure
 * (audit trail), which the sign-in throttling counts ({@link io.certgate.ejb.access.OperatorSignIns}).
 */
@ApplicationScoped
public class FailedOperatorLogins implements IdentityStore {

    @Inject
    private HttpServletRequest request;

    @jakarta.ejb.EJB
    private io.certgate.ejb.access.AdminUsers operators;

    @jakarta.ejb.EJB
    private io.certgate.ejb.access.OperatorSignIns signIns;

    @Inject
    private io.certgate.web.support.CallerContext callerContext;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (toAdminApi()) {
            Refusals.authenticationFailed(Facade.ADMIN);
            if (credential instanceof jakarta.security.enterprise.credential.UsernamePasswordCredential c) {
                // an unknown or disabled name answers as late as a wrong password: no user enumeration by timing
                operators.spendLikeAPasswordCheck(c.getCaller(), c.getPassword().getValue());
                // audited, and counted against the name and the address (OperatorSignIns, SignInThrottle)
                signIns.failed(c.getCaller(), request.getRemoteAddr(), requestId());
            }
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private String requestId() {
        try {
            return callerContext.requestId();
        } catch (RuntimeException noRequestScope) {
            return java.util.UUID.randomUUID().toString();
        }
    }

    private boolean toAdminApi() {
        try {
            String path = request.getRequestURI();
            return path != null && path.replaceAll("/+", "/").startsWith("/admin/");
        } catch (RuntimeException noRequest) {
            return false;
        }
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
