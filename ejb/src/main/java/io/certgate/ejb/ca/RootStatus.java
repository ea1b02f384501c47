package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RootId;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * One root generation as operators see it (console and admin API alike): its root certificate, the CRL it
 * publishes now, and the public URLs of both.
 *
 * @param subject as the ledger writes issuers (BouncyCastle's order: CN first), so that every page agrees
 * @param serial the root's serial number in upper-case hexadecimal without leading zeros
 * @param key "RSA 2048 bits" or "EC 256 bits"
 */
public record RootStatus(RootId root, String subject, String serial, Instant notBefore,
                         Instant notAfter, String signatureAlgorithm, String key, PublishedCrl crl,
                         String certificateUrl, String crlUrl) {

    static RootStatus of(RootId id, X509Certificate root, PublishedCrl crl, String certificateUrl,
                         String crlUrl) {
        return new RootStatus(id, X500Name.getInstance(root.getSubjectX500Principal().getEncoded()).toString(),
                hex(root.getSerialNumber()), root.getNotBefore().toInstant(), root.getNotAfter().toInstant(),
                root.getSigAlgName(), key(root), crl, certificateUrl, crlUrl);
    }

    public IssueAuthority authority() {
        return root.authority();
    }

    static String hex(BigInteger serial) {
        return HexFormat.of().formatHex(serial.toByteArray()).replaceFirst("^00(?=.)", "").toUpperCase(Locale.ROOT);
    }

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
