package io.certgate.ejb.enrollment.dcv;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * What an ACME tls-alpn-01 certificate must be (RFC 8737 3): exactly one subject alternative name, the domain as a
 * dNSName, and the critical acmeIdentifier extension (1.3.6.1.5.5.7.1.31) whose value is an OCTET STRING of the
 * SHA-256 of the key authorization. Such a certificate is self-signed by design, so the TLS connection that fetches
 * it trusts any certificate ({@link #ANY_CERTIFICATE}) and this check is what decides.
 */
final class AcmeTlsCertificate {

    static final String ALPN = "acme-tls/1";
    static final String ACME_IDENTIFIER = "1.3.6.1.5.5.7.1.31";
    /** TLS that accepts any server certificate: only for fetching a tls-alpn-01 certificate to check it here. */
    static final SSLContext ANY_CERTIFICATE = anyCertificate();

    private AcmeTlsCertificate() {
    }

    /** Whether the certificate proves control of the name with this key authorization digest. */
    static boolean proves(X509Certificate cert, String name, byte[] keyAuthorizationSha256) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null || names.size() != 1) {
                return false;
            }
            List<?> only = names.iterator().next();
            if (!Integer.valueOf(2).equals(only.get(0))
                    || !name.equals(String.valueOf(only.get(1)).toLowerCase(Locale.ROOT))) {
                return false;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (cert.getCriticalExtensionOIDs() == null || !cert.getCriticalExtensionOIDs().contains(ACME_IDENTIFIER)) {
            return false;
        }
        try {
            byte[] value = ASN1OctetString.getInstance(ASN1OctetString.getInstance(
                    cert.getExtensionValue(ACME_IDENTIFIER)).getOctets()).getOctets();
            return MessageDigest.isEqual(value, keyAuthorizationSha256);
        } catch (RuntimeException e) { // not an OCTET STRING in an OCTET STRING
            return false;
        }
    }

    private static SSLContext anyCertificate() {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                // this context only connects out to the validated name: as a server it trusts no client
                throw new java.security.cert.CertificateException("the tls-alpn-01 check trusts no client");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the tls-alpn-01 certificate is self-signed: proves() decides
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {any}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS", e);
        }
    }
}
