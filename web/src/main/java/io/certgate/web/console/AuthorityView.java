package io.certgate.web.console;

import io.certgate.ejb.ca.RootStatus;
import java.time.Instant;

/**
 * One certificate authority as the CAs page shows it: its root, its CRL, where both are published (read in EL,
 * which reads no record components: getters over the EJB's {@link RootStatus}, which the admin API shows too).
 */
public final class AuthorityView {

    private final RootStatus root;

    AuthorityView(RootStatus root) {
        this.root = root;
    }

    public String getName() { return root.root().toString(); }
    public String getSubject() { return root.subject(); }
    public String getSerial() { return root.serial(); }
    public Instant getNotBefore() { return root.notBefore(); }
    public Instant getNotAfter() { return root.notAfter(); }
    public String getSignatureAlgorithm() { return root.signatureAlgorithm(); }
    public String getKey() { return root.key(); }
    public long getCrlNumber() { return root.crl().number(); }
    public Instant getCrlThisUpdate() { return root.crl().thisUpdate(); }
    public Instant getCrlNextUpdate() { return root.crl().nextUpdate(); }
    public long getCrlRevoked() { return root.crl().revokedCount(); }
    public String getCertificateUrl() { return root.certificateUrl(); }
    public String getCrlUrl() { return root.crlUrl(); }
}
