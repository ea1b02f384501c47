package io.certgate.ejb.ca;

import io.certgate.domain.ca.RevocationReason;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;

/** Signs an X.509 v2 CRL (RFC 5280 5): the server for its CAs, the root ceremony for an offline root. */
public final class Crls {

    private Crls() {
    }

    /** One revoked certificate as a CRL lists it. */
    public record Entry(String serialHex, Instant revokedAt, RevocationReason reason) {
    }

    /**
     * A CRL of {@code issuer} with this number and these times, listing the entries revoked up to
     * {@code newestIncluded} (null: all), with the authority key identifier and the CRL number.
     */
    public static byte[] sign(X509Certificate issuerCert, ContentSigner signer, long number, Instant thisUpdate,
                              Instant nextUpdate, Instant newestIncluded, List<Entry> entries) {
        try {
            X509CertificateHolder issuer = new X509CertificateHolder(issuerCert.getEncoded());
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer.getSubject(), Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (Entry e : entries) {
                if (newestIncluded != null && e.revokedAt().isAfter(newestIncluded)) {
                    continue; // revoked after this number was decided: the next number lists it
                }
                b.addCRLEntry(new BigInteger(e.serialHex(), 16), Date.from(e.revokedAt()), e.reason().code());
            }
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            return b.build(signer).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the CRL of " + issuerCert.getSubjectX500Principal(), e);
        }
    }
}
