package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;

/** Checks of what the CertManager facade returns. */
final class SymantecChecks {

    private SymantecChecks() {
    }

    /** The certificates of a base64 PKCS#7 (.p7b), leaf first. */
    static List<X509Certificate> pkcs7(String base64) {
        try {
            CMSSignedData cms = new CMSSignedData(Base64.getMimeDecoder().decode(base64));
            List<X509Certificate> out = new ArrayList<>();
            for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
                out.add(Pki.cert(Pki.pem("CERTIFICATE", h.getEncoded())));
            }
            out.sort((a, b) -> Integer.compare(a.getBasicConstraints(), b.getBasicConstraints()));
            return out;
        } catch (Exception e) {
            throw new AssertionError("not a PKCS#7: " + e, e);
        }
    }

    static List<String> dnsNames(X509Certificate cert) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            List<String> out = new ArrayList<>();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (((Integer) san.get(0)) == 2) {
                        out.add((String) san.get(1));
                    }
                }
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void assertTlsServer(X509Certificate cert) {
        try {
            assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), cert.getExtendedKeyUsage());
            String cn = cert.getSubjectX500Principal().getName().replaceAll(".*CN=([^,]+).*", "$1");
            assertTrue(dnsNames(cert).contains(cn.toLowerCase()), "the CN is a SAN: " + dnsNames(cert));
        } catch (java.security.cert.CertificateParsingException e) {
            throw new AssertionError(e);
        }
    }

    static void assertYears(int years, X509Certificate cert) {
        Instant expected = Instant.now().atZone(ZoneOffset.UTC).plusYears(years).toInstant();
        long minutes = Math.abs(Duration.between(expected, cert.getNotAfter().toInstant()).toMinutes());
        assertTrue(minutes < 10, "valid " + years + " year(s): " + cert.getNotAfter());
    }
}
