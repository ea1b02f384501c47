package io.certgate.ejb.ca;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What an operator reads off a certificate, decoded from the certificate itself rather than from the ledger's
 * columns: its names (SANs as "DNS:host", "IP:addr", "email:..."), key type and size, signature algorithm, key
 * usage and extended key usage by their RFC 5280 names, and SHA-256 and SHA-1 fingerprints of the DER as openssl
 * prints them (upper-case hex, colon-separated), so an operator can compare them with {@code openssl x509
 * -fingerprint}.
 */
public record CertificateFacts(List<String> subjectAlternativeNames, String keyType, int keySize,
                               String signatureAlgorithm, List<String> keyUsage, List<String> extendedKeyUsage,
                               String sha256Fingerprint, String sha1Fingerprint) {

    /** RFC 5280's KeyUsage bits, in bit order. */
    private static final String[] KEY_USAGE = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    /** The extended key usages this CA and its clients meet; any other is shown by its OID. */
    private static final Map<String, String> EXTENDED_KEY_USAGE = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    /** GeneralName tags (RFC 5280) by the prefix openssl writes them with. */
    private static final Map<Integer, String> NAME_PREFIX = Map.of(1, "email", 2, "DNS", 4, "DirName", 6, "URI",
            7, "IP", 8, "RID");

    public CertificateFacts {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    public static CertificateFacts of(X509Certificate cert) {
        return new CertificateFacts(names(cert), keyType(cert.getPublicKey()), keySize(cert.getPublicKey()),
                cert.getSigAlgName(),
                keyUsage(cert), extendedKeyUsage(cert), fingerprint(cert, "SHA-256"), fingerprint(cert, "SHA-1"));
    }

    static List<String> names(X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>(names.size());
            for (List<?> n : names) {
                int tag = (Integer) n.get(0);
                Object value = n.get(1);
                out.add(namePrefix(tag) + ":"
                        + (value instanceof String s ? s : "<" + ((byte[]) value).length + " bytes>"));
            }
            return out;
        } catch (CertificateParsingException e) {
            throw new IllegalStateException("unreadable subjectAltName", e);
        }
    }

    /** How openssl writes a GeneralName's kind (RFC 5280 tag): DNS, IP, email, URI, ... */
    static String namePrefix(int tag) {
        return NAME_PREFIX.getOrDefault(tag, "othername");
    }

    /** RSA, EC, or the key's own algorithm name. */
    static String keyType(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "RSA";
        }
        return key instanceof ECPublicKey ? "EC" : key.getAlgorithm();
    }

    /** RSA: the modulus's bits; EC: the curve's field size (256 for P-256); 0 when not known. */
    static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey k) {
            return k.getModulus().bitLength();
        }
        return key instanceof ECPublicKey k ? k.getParams().getCurve().getField().getFieldSize() : 0;
    }

    static List<String> keyUsage(X509Certificate cert) {
        boolean[] bits = cert.getKeyUsage();
        if (bits == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bits.length && i < KEY_USAGE.length; i++) {
            if (bits[i]) {
                out.add(KEY_USAGE[i]);
            }
        }
        return out;
    }

    static List<String> extendedKeyUsage(X509Certificate cert) {
        try {
            List<String> oids = cert.getExtendedKeyUsage();
            return oids == null ? List.of() : oids.stream().map(o -> EXTENDED_KEY_USAGE.getOrDefault(o, o)).toList();
        } catch (CertificateParsingException e) {
            throw new IllegalStateException("unreadable extendedKeyUsage", e);
        }
    }

    /** openssl's way: upper-case hex bytes separated by colons. */
    static String fingerprint(X509Certificate cert, String digest) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance(digest).digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
