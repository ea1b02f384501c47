package io.certgate.ejb.ca;

import io.certgate.domain.access.Facade;
import io.certgate.domain.ca.IssueAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the CA counts and times for /metrics, labelled only by authority and facade (a fixed few values each: no
 * organization, key or serial ever becomes a label). The ledger and the expiry warnings call it after their
 * transaction committed ({@link io.certgate.ejb.common.AfterCommit}), so a count never includes a certificate
 * the database does not hold.
 */
@ApplicationScoped
public class CertificateMetrics {

    /** First certificates (no predecessor), by authority and facade: {@code _total} in Prometheus form. */
    public static final String ISSUED = "certgate_certificates_issued";
    /** Certificates that renew another one (EnOS renew, EST re-enroll, SCEP renewal, CertManager renew, DigiCert reissue). */
    public static final String RENEWED = "certgate_certificates_renewed";
    public static final String REVOKED = "certgate_certificates_revoked";
    /** The CA's signature alone, by authority: {@code _seconds} histogram. */
    public static final String SIGNING = "certgate_signing";
    /** A whole issuance, from the ledger's issue to the commit, by authority and facade. */
    public static final String ISSUANCE = "certgate_issuance";
    public static final String EXPIRY_WARNINGS = "certgate_expiry_warnings";

    private static final Metadata ISSUED_META = describe(ISSUED,
            "Certificates issued (not renewals), counted after the commit");
    private static final Metadata RENEWED_META = describe(RENEWED,
            "Certificates issued as the renewal of another one, counted after the commit");
    private static final Metadata REVOKED_META = describe(REVOKED, "Certificates revoked, counted after the commit");
    private static final Metadata SIGNING_META = describe(SIGNING, "Time the CA key took to sign a certificate");
    private static final Metadata ISSUANCE_META = describe(ISSUANCE,
            "Time of a whole issuance: key policy, validity, signing, storing, audit record and commit");
    private static final Metadata EXPIRY_WARNINGS_META = describe(EXPIRY_WARNINGS,
            "Expiry warnings written to the audit trail by this instance");

    @Inject
    private MetricRegistry registry;

    /** A certificate committed: counted as issued or renewed, with the time of its signature and its issuance. */
    public void issued(IssueAuthority authority, Facade facade, boolean renewal, Duration signing, Duration issuance) {
        Tag a = authority(authority);
        Tag f = facade(facade);
        registry.counter(renewal ? RENEWED_META : ISSUED_META, a, f).inc();
        registry.timer(SIGNING_META, a).update(signing);
        registry.timer(ISSUANCE_META, a, f).update(issuance);
    }

    public void revoked(IssueAuthority authority, Facade facade) {
        registry.counter(REVOKED_META, authority(authority), facade(facade)).inc();
    }

    public void expiryWarning(IssueAuthority authority) {
        registry.counter(EXPIRY_WARNINGS_META, authority(authority)).inc();
    }

    static Tag authority(IssueAuthority authority) {
        return new Tag("authority", authority.name());
    }

    static Tag facade(Facade facade) {
        return new Tag("facade", facade.label());
    }

    static Metadata describe(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
