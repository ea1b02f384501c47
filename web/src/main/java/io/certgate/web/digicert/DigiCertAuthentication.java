package io.certgate.web.digicert;

import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.access.AuthenticatedCaller;
import io.certgate.domain.access.Facade;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.Refusals;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Authenticates every CertCentral call by its {@code X-DC-DEVKEY} (stored as SHA-256): the key's organization
 * is the caller's. A missing, unknown or disabled key is 401 in CertCentral's error format.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class DigiCertAuthentication implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(DigiCertAuthentication.class.getName());

    @EJB
    private ApiCredentials credentials;

    @Inject
    private CallerContext caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("services/v2") && !path.startsWith("/services/v2")) {
            return;
        }
        try {
            AuthenticatedCaller who = credentials.authenticateDigiCertKey(request.getHeaderString("X-DC-DEVKEY"));
            caller.set(who.actor(), who.orgId());
        } catch (RuntimeException e) {
            LOG.info(() -> "DigiCert authentication refused for " + path + " requestId=" + caller.requestId());
            Refusals.authenticationFailed(Facade.DIGICERT);
            request.abortWith(DigiCertErrors.error(401, "access_denied|invalid_api_key",
                    "A valid X-DC-DEVKEY header is required."));
        }
    }
}
