package io.certgate.web.console;

import io.certgate.ejb.ca.PublishedCrl;
import java.math.BigInteger;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;

/** One certificate authority as the CAs page shows it: its root, its CRL, where both are published. */
public final class AuthorityView {

    private final String name;
    private final X509Certificate root;
    private final PublishedCrl crl;
    private final String certificateUrl;
    private final String crlUrl;

    AuthorityView(String name, X509Certificate root, PublishedCrl crl, String certificateUrl, String crlUrl) {
        this.name = name;
        this.root = root;
        this.crl = crl;
        this.certificateUrl = certificateUrl;
        this.crlUrl = crlUrl;
    }

    public String getName() { return name; }
    /** As the ledger writes issuers (BouncyCastle's order: CN first), so that both pages agree. */
    public String getSubject() { return X500Name.getInstance(root.getSubjectX500Principal().getEncoded()).toString(); }
    public String getSerial() { return hex(root.getSerialNumber()); }
    public Instant getNotBefore() { return root.getNotBefore().toInstant(); }
    public Instant getNotAfter() { return root.getNotAfter().toInstant(); }
    public String getSignatureAlgorithm() { return root.getSigAlgName(); }
    public String getKey() { return key(root); }
    public long getCrlNumber() { return crl.number(); }
    public Instant getCrlThisUpdate() { return crl.thisUpdate(); }
    public Instant getCrlNextUpdate() { return crl.nextUpdate(); }
    public long getCrlRevoked() { return crl.revokedCount(); }
    public String getCertificateUrl() { return certificateUrl; }
    public String getCrlUrl() { return crlUrl; }

    static String hex(BigInteger serial) {
        return HexFormat.of().formatHex(serial.toByteArray()).replaceFirst("^00(?=.)", "").toUpperCase(Locale.ROOT);
    }

    /** "RSA 2048 bits" or "EC P-256 (256 bits)". */
    static String key(X509Certificate c) {
        if (c.getPublicKey() instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (c.getPublicKey() instanceof ECKey ec) {
            return "EC " + ec.getParams().getOrder().bitLength() + " bits";
        }
        return c.getPublicKey().getAlgorithm();
    }
}
