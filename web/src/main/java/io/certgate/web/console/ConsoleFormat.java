package io.certgate.web.console;

import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.web.admin.CertificateAdminViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes values: times in UTC to the second, statuses and reasons by their API names. */
@Named("fmt")
@ApplicationScoped
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** valid, expired or revoked, now. */
    public String status(IssuedCertificate c) {
        return c.statusAt(Instant.now()).name().toLowerCase(Locale.ROOT);
    }

    public String reason(RevocationReason r) {
        return r == null ? "" : CertificateAdminViews.reasonName(r);
    }
}
