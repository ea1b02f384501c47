package io.certgate.web.support;

import io.certgate.domain.access.Facade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts, for /metrics, what facades refuse: each facade's one error path calls {@link #refused} with the code
 * its client sees (EnOS code, CertManager StatusCode, CertCentral error code, HTTP status for EST, failInfo or
 * HTTP status for SCEP, the admin API's error), and its authentication points call
 * {@link #authenticationFailed}. Codes are the facades' own fixed vocabularies, so labels stay few; internal
 * errors count under their code too, and so do the refusals of a facade's own authentication (EnOS 1202,
 * CertManager 0x10, CertCentral access_denied, EST 401). The admin API's sign-in is the container's: its
 * failures count only as failed authentications. The static methods serve the facades' static error tables; they count
 * through the application's bean (its injected registry), and count nothing outside the server (unit tests).
 */
@ApplicationScoped
public class Refusals {

    public static final String REFUSALS = "certgate_refusals";
    public static final String AUTHENTICATION_FAILURES = "certgate_authentication_failures";

    private static final Metadata REFUSALS_META = Metadata.builder().withName(REFUSALS)
            .withDescription("Requests a facade refused, by the code its client got").build();
    private static final Metadata AUTHENTICATION_META = Metadata.builder().withName(AUTHENTICATION_FAILURES)
            .withDescription("Requests refused for a missing or wrong credential, by facade").build();

    @Inject
    private MetricRegistry registry;

    public static void refused(Facade facade, String code) {
        Refusals r = bean();
        if (r != null) {
            r.count(REFUSALS_META, new Tag("facade", facade.label()), new Tag("code", String.valueOf(code)));
        }
    }

    public static void refused(Facade facade, int code) {
        refused(facade, String.valueOf(code));
    }

    public static void authenticationFailed(Facade facade) {
        Refusals r = bean();
        if (r != null) {
            r.count(AUTHENTICATION_META, new Tag("facade", facade.label()));
        }
    }

    /** Through the bean, not its fields: a client proxy's fields are not the instance's. */
    void count(Metadata metadata, Tag... tags) {
        registry.counter(metadata, tags).inc();
    }

    private static Refusals bean() {
        try {
            return CDI.current().select(Refusals.class).get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
