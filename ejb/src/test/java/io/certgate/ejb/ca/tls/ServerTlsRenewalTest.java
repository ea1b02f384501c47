package io.certgate.ejb.ca.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.CertificateProfile;
import io.certgate.ejb.ca.CertificateSigner;
import io.certgate.ejb.ca.SerialNumbers;
import io.certgate.ejb.ca.custody.KeyCustody;
import io.certgate.ejb.ca.custody.Pkcs12Custody;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsRenewalTest {

    static final ServerTlsNames NAMES = ServerTlsNames.of("localhost,127.0.0.1", "http://localhost:9080");
    static KeyCustody ca;
    static KeyCustody otherCa;
    static KeyPair key;

    @TempDir
    Path dir;

    @BeforeAll
    static void roots() throws Exception {
        ca = Pkcs12Custody.open(null, "test".toCharArray(), Instant.now()).custody();
        otherCa = Pkcs12Custody.open(null, "test".toCharArray(), Instant.now()).custody();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
    }

    static X509Certificate leaf(KeyCustody by, List<String> dns, List<String> ips, Duration left) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var holder = new CertificateSigner().sign(by.certificate(IssueAuthority.RSA), by.signer(IssueAuthority.RSA),
                new X500Name("CN=localhost,OU=HTTPS,O=certgate"),
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()), SerialNumbers.next(),
                now.minusSeconds(60), now.plus(left), new CertificateProfile(CertificateProfile.Usage.TLS_SERVER, dns,
                        "http://c", "http://o", "http://i", List.of(), ips));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }

    static Optional<String> reason(X509Certificate leaf) {
        return ServerTlsRenewal.reason(leaf, ca.certificate(IssueAuthority.RSA), NAMES, Instant.now());
    }

    @Test
    void aCertificateOfTheRootForTheNamesWithTimeLeftServes() throws Exception {
        X509Certificate good = leaf(ca, List.of("LOCALHOST"), List.of("127.0.0.1"), Duration.ofDays(397));
        assertEquals(Optional.empty(), reason(good));
        assertTrue(good.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertTrue(good.getSubjectAlternativeNames().contains(List.of(7, "127.0.0.1")), "an iPAddress name");
        assertTrue(good.getSubjectAlternativeNames().contains(List.of(2, "LOCALHOST")), "a dNSName");
    }

    @Test
    void missingOtherRootOtherNamesOrNearItsEndIsRenewed() throws Exception {
        assertTrue(reason(null).orElseThrow().contains("no certificate"));
        assertTrue(reason(ca.certificate(IssueAuthority.RSA)).orElseThrow().contains("self-signed"));
        assertTrue(reason(leaf(otherCa, List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(300)))
                .orElseThrow().contains("not issued by the current infrastructure CA"));
        assertTrue(reason(leaf(ca, List.of("localhost", "old.example"), List.of("127.0.0.1"), Duration.ofDays(300)))
                .orElseThrow().contains("other names"));
        assertTrue(reason(leaf(ca, List.of("localhost"), List.of(), Duration.ofDays(300)))
                .orElseThrow().contains("other names"));
        assertTrue(reason(leaf(ca, List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(29)))
                .orElseThrow().contains("within 30 days"));
        assertEquals(Optional.empty(), reason(leaf(ca, List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(31))));
    }

    @Test
    void theKeystoreFileIsOwnerOnlyAndReadBack() throws Exception {
        Path file = dir.resolve("key.p12");
        assertNull(ServerKeyStoreFile.current(file, "pw-123456".toCharArray()), "no file");
        X509Certificate leaf = leaf(ca, List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(300));
        ServerKeyStoreFile.write(file, "pw-123456".toCharArray(), key.getPrivate(), leaf,
                List.of(ca.certificate(IssueAuthority.RSA)));
        assertEquals(leaf, ServerKeyStoreFile.current(file, "pw-123456".toCharArray()));
        assertNull(ServerKeyStoreFile.current(file, "another".toCharArray()), "another password: replaced");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            ks.load(in, "pw-123456".toCharArray());
        }
        assertEquals(2, ks.getCertificateChain(ServerKeyStoreFile.ALIAS).length, "leaf and root");
    }
}
