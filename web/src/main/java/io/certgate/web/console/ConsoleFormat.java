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

    /**
     * An X.509 serial (the ledger keeps lower-case hex without leading zeros) as the console writes it on every
     * page: upper-case hex in whole bytes, so a leading zero is kept, as {@code openssl x509 -serial} prints it.
     */
    public static String serialOf(String hex) {
        if (hex == null || hex.isEmpty()) {
            return "";
        }
        String upper = hex.toUpperCase(Locale.ROOT);
        return upper.length() % 2 == 1 ? "0" + upper : upper;
    }

    public String serial(String hex) {
        return serialOf(hex);
    }

    /** Names joined for a table cell or a fact ("DNS:a, IP:b"); empty when there are none. */
    public String joined(java.util.Collection<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * A link of this server's public endpoints as a path on the address the operator came in on: the configured
     * public URL may be plain HTTP or another host name, and the console is HTTPS.
     */
    public static String localOf(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        java.net.URI u = java.net.URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    public String local(String url) {
        return localOf(url);
    }

    public String reason(RevocationReason r) {
        return r == null ? "" : CertificateAdminViews.reasonName(r);
    }
}
