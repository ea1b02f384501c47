package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The CA's gauges on /metrics, per authority, read when scraped: the root's notAfter and the published CRL's
 * nextUpdate (epoch seconds; the CRL's from the database, so every instance reports the one all of them serve),
 * and how many certificates, not revoked, end within the widest expiry warning threshold.
 */
@Singleton
@Startup
@DependsOn("CertificateAuthorities")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CaGauges {

    private static final Logger LOG = Logger.getLogger(CaGauges.class.getName());

    public static final String CA_NOT_AFTER = "certgate_ca_not_after_timestamp_seconds";
    public static final String CRL_NEXT_UPDATE = "certgate_crl_next_update_timestamp_seconds";
    public static final String EXPIRING = "certgate_certificates_expiring";

    private final java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();

    @Inject
    private MetricRegistry registry;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private CrlNumbers crls;

    @EJB
    private ExpiryWarnings warnings;

    @PostConstruct
    void register() {
        int days = ExpirySettings.of(ConfigProvider.getConfig()).thresholds().widest();
        Metadata notAfter = CertificateMetrics.describe(CA_NOT_AFTER, "The root certificate's notAfter (epoch seconds)");
        Metadata nextUpdate = CertificateMetrics.describe(CRL_NEXT_UPDATE,
                "nextUpdate of the published CRL (epoch seconds; NaN before the first CRL)");
        Metadata expiring = CertificateMetrics.describe(EXPIRING, "Certificates, not revoked, that end within "
                + days + " days (the widest expiry warning threshold)");
        for (IssueAuthority a : IssueAuthority.values()) {
            double rootEnd = authorities.caNotAfter(a).getEpochSecond(); // the root does not change while running
            registry.gauge(notAfter, () -> rootEnd, CertificateMetrics.authority(a));
            registry.gauge(nextUpdate, read(() -> crls.nextUpdate(a).map(t -> (double) t.getEpochSecond())
                    .orElse(Double.NaN)), CertificateMetrics.authority(a));
            registry.gauge(expiring, read(() -> (double) warnings.expiring(a, Instant.now(), days)),
                    CertificateMetrics.authority(a));
        }
    }

    /** A gauge read from the database: NaN when it cannot be read (the scrape goes on; logged once per outage). */
    private Supplier<Double> read(Supplier<Double> value) {
        return () -> {
            try {
                Double v = value.get();
                failing.set(false);
                return v;
            } catch (RuntimeException e) {
                if (failing.compareAndSet(false, true)) {
                    LOG.log(Level.WARNING, "certgate's gauges cannot read the database; they show NaN until it answers", e);
                }
                return Double.NaN;
            }
        };
    }
}
