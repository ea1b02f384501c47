package io.certgate.ejb.ca;

import io.certgate.domain.Lease;
import io.certgate.ejb.common.Leases;
import io.certgate.ejb.common.RandomIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The scheduled expiry check: every {@code certgate.expiry.check.interval} (default an hour; the first one a
 * minute after start, or sooner when the interval is shorter) each instance asks for the lease
 * {@value Lease#EXPIRY_WARNINGS}; the one that holds it writes the warnings due ({@link ExpiryWarnings}), the
 * others do nothing. The holder renews the lease at each run; when it stops (it died), another instance takes
 * it once the lease has run out, at most one interval later.
 */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
public class ExpiryCheck {

    private static final Logger LOG = Logger.getLogger(ExpiryCheck.class.getName());
    /** The first check after start comes at most this late. */
    static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);
    /** Warnings written per run at most; the rest follow at the next runs. */
    static final int MAX_PER_RUN = 5000;

    /** This instance, as the lease names its holder: the JVM (pid@host) and a random part for restarts. */
    private final String owner = clip(ManagementFactory.getRuntimeMXBean().getName(), 100) + "/" + RandomIds.base64Url(9);

    @Resource
    private TimerService timers;

    @EJB
    private Leases leases;

    @EJB
    private ExpiryWarnings warnings;

    private volatile ExpirySettings settings;

    @PostConstruct
    void schedule() {
        settings = ExpirySettings.of(ConfigProvider.getConfig());
        long interval = settings.interval().toMillis();
        timers.createIntervalTimer(Math.min(interval, FIRST_RUN_AFTER.toMillis()), interval,
                new TimerConfig("certgate expiry check", false));
        LOG.info(() -> "Expiry check every " + settings.interval() + ", warnings " + settings.thresholds()
                + " days ahead (instance " + owner + ")");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        try {
            runOnce(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The expiry check failed; it runs again in " + settings.interval(), e);
        }
    }

    /** One check at {@code now}: the number of warnings this instance wrote (0 when another holds the lease). */
    int runOnce(Instant now) {
        if (!leases.take(Lease.EXPIRY_WARNINGS, owner, now, settings.interval())) {
            return 0;
        }
        String runId = "expiry-" + RandomIds.base64Url(9);
        int written = 0;
        for (ExpiryWarnings.Due due : warnings.due(now, settings.thresholds(), MAX_PER_RUN)) {
            if (warnings.warn(due, runId)) {
                written++;
            }
        }
        if (written > 0) {
            int n = written;
            LOG.info(() -> "Expiry check " + runId + ": " + n + " expiry warning(s) written to the audit trail");
        }
        return written;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
