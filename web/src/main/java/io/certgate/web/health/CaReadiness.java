package io.certgate.web.health;

import io.certgate.ejb.access.Statistics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers with certgate's schema and the CA keys are open (keystore or HSM). */
@Readiness
@ApplicationScoped
public class CaReadiness implements HealthCheck {

    @EJB
    private Statistics statistics;

    @EJB
    private io.certgate.ejb.ca.CertificateAuthorities authorities;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("certgate-ca").status(statistics.databaseReady() && authorities.isOpen()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("certgate-ca").down().withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
