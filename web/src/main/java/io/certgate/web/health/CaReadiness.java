package io.certgate.web.health;

import io.certgate.ejb.access.Statistics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and holds the CA keystore this instance signs with. */
@Readiness
@ApplicationScoped
public class CaReadiness implements HealthCheck {

    @EJB
    private Statistics statistics;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("certgate-ca").status(statistics.caKeystorePresent()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("certgate-ca").down().withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
