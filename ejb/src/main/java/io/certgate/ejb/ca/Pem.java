package io.certgate.ejb.ca;

import java.util.Base64;

/** PEM encoding of DER structures, 64 characters a line as RFC 7468 writes it. */
public final class Pem {

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public static String certificate(byte[] der) {
        return encode("CERTIFICATE", der);
    }

    /** A certificate in PEM, ending with one line break. */
    public static String certificate(java.security.cert.X509Certificate cert) {
        try {
            return certificate(cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode " + cert.getSubjectX500Principal(), e);
        }
    }

    /** Certificates one after another in PEM (a chain, nearest first). */
    public static String certificates(java.util.List<java.security.cert.X509Certificate> certs) {
        StringBuilder pem = new StringBuilder();
        certs.forEach(c -> pem.append(certificate(c)));
        return pem.toString();
    }

    /** The same as a JDK certificate; IllegalArgumentException for anything that is not one. */
    public static java.security.cert.X509Certificate parseX509(String text) {
        try {
            return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(parseCertificate(text));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    /** A certificate from PEM, or from bare base64 (BEGIN/END lines optional); IllegalArgumentException otherwise. */
    public static org.bouncycastle.cert.X509CertificateHolder parseCertificate(String text) {
        String body = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            return new org.bouncycastle.cert.X509CertificateHolder(java.util.Base64.getDecoder().decode(body));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a base64 X.509 certificate", e);
        }
    }
}
