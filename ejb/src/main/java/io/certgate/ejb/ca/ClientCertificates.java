package io.certgate.ejb.ca;

import io.certgate.ejb.common.OwnerOnlyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * TLS client certificates for API accounts, issued by a root of this CA, with the key generated here and
 * handed over once as an owner-only PKCS#12 file.
 */
public final class ClientCertificates {

    static final Duration LIFETIME = Duration.ofDays(730);

    private ClientCertificates() {
    }

    public static X509Certificate issueToFile(SigningAuthority root, String subject, Path directory, String name) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant end = now.plus(LIFETIME);
            if (end.isAfter(root.certificate().getNotAfter().toInstant())) {
                end = root.certificate().getNotAfter().toInstant();
            }
            CertificateProfile profile = new CertificateProfile(CertificateProfile.Usage.DEVICE, null,
                    "http://localhost/crl", "http://localhost/ocsp", "http://localhost/cacert");
            var holder = new CertificateSigner().sign(root, new X500Name(subject),
                    SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()), SerialNumbers.next(),
                    now.minusSeconds(60), end, profile);
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
            String password = io.certgate.ejb.common.RandomIds.base64Url(18);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(name, kp.getPrivate(), password.toCharArray(), new Certificate[] {cert, root.certificate()});
            java.io.ByteArrayOutputStream p12 = new java.io.ByteArrayOutputStream();
            ks.store(p12, password.toCharArray());
            OwnerOnlyFiles.write(directory.resolve(name + ".p12"), p12.toByteArray());
            OwnerOnlyFiles.write(directory.resolve(name + ".p12.password"), password.getBytes(StandardCharsets.UTF_8));
            return cert;
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the client certificate of " + name, e);
        }
    }
}
