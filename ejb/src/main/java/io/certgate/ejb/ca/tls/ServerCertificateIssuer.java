package io.certgate.ejb.ca.tls;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.Issuance;
import io.certgate.ejb.ca.KeyPolicy;
import io.certgate.ejb.ca.SignatureScheme;
import io.certgate.ejb.ca.ValidityRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Issues the server's HTTPS certificate through the ledger, in a transaction of its own that has committed when
 * the certificate comes back (the key is written to disk only for a certificate the database holds): an ordinary
 * certificate of the organization {@link Caller#SERVER_ORG}, audited, listed, revocable, on the CRL and in OCSP.
 */
@Stateless
public class ServerCertificateIssuer {

    /** Little more than a year, as browsers accept for TLS server certificates (397 days). */
    static final int DAYS = 397;

    @EJB
    private CertificateLedger ledger;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public IssuedCertificate issue(PublicKey key, ServerTlsNames names, String reason) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.commonName())
                .addRDN(BCStyle.OU, "HTTPS").addRDN(BCStyle.O, "certgate").build();
        String context = clip("server-tls=" + names + " (" + reason + ")", 200);
        return ledger.issue(Caller.server("server-tls"), new Issuance(IssueAuthority.RSA, subject,
                SubjectPublicKeyInfo.getInstance(key.getEncoded()), ValidityRequest.days(DAYS, DAYS),
                CertificateProfile.Usage.TLS_SERVER, names.dnsNames(), null, null, "certificate.issue", context,
                SignatureScheme.DEFAULT, List.of(), KeyPolicy.DEVICE, names.ipAddresses()));
    }

    /** Whether the ledger holds this certificate and it is revoked (an operator revoked the server's certificate). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean revoked(X509Certificate cert) {
        return ledger.presented(cert).map(c -> c.statusAt(Instant.now()) == CertificateStatus.REVOKED).orElse(false);
    }

    /**
     * Revokes (superseded) the server certificate that a new one has replaced, when the ledger holds it as the
     * server's and it is still valid: a replaced key that is no longer served should not stay trusted until its end.
     * One that came from another root or another database (a copied server directory) is none of this ledger's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void supersede(X509Certificate replaced) {
        Instant now = Instant.now();
        ledger.presented(replaced)
                .filter(c -> Caller.SERVER_ORG.equals(c.getOrgId()) && c.statusAt(now) == CertificateStatus.VALID)
                .ifPresent(c -> ledger.revoke(Caller.server("server-tls"), c, RevocationReason.SUPERSEDED,
                        "server-tls replaced"));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
