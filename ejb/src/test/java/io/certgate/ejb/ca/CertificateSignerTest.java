package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.IssueAuthority;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateSignerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(IssueAuthority.class)
    void signsAVerifiableEndEntityCertificate(IssueAuthority authority) throws Exception {
        SigningAuthority root = RootCertificates.generate(authority, "test " + authority, Instant.now());
        KeyPair kp = authority == IssueAuthority.RSA ? TestCsrs.rsa(2048) : TestCsrs.ec("secp256r1");
        String sig = authority.signatureAlgorithm();
        ValidatedCsr csr = new CsrValidator().validate(TestCsrs.pem(kp, sig), authority);
        Instant nb = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant na = nb.plus(Duration.ofDays(30));
        BigInteger serial = SerialNumbers.next();
        X509CertificateHolder holder = new CertificateSigner().sign(root, csr.subject(), csr.publicKey(), serial, nb, na,
                new CertificateProfile(CertificateProfile.Usage.DEVICE, null, "http://ca/crl", "http://ca/ocsp",
                        "http://ca/cacert"));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        cert.verify(root.certificate().getPublicKey());
        cert.checkValidity();
        assertEquals(3, cert.getVersion());
        assertEquals(serial, cert.getSerialNumber());
        assertEquals(-1, cert.getBasicConstraints());
        assertTrue(cert.getKeyUsage()[0], "digitalSignature");
        assertEquals(authority == IssueAuthority.RSA, cert.getKeyUsage()[2], "keyEncipherment only for RSA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), cert.getExtendedKeyUsage());
        assertEquals(authority.signatureAlgorithm().toUpperCase(), cert.getSigAlgName().toUpperCase());
        assertNotNull(cert.getExtensionValue("2.5.29.14"), "SKI");
        assertNotNull(cert.getExtensionValue("2.5.29.35"), "AKI");
        assertNotNull(cert.getExtensionValue("2.5.29.31"), "CRL DP");
        assertNotNull(cert.getExtensionValue("1.3.6.1.5.5.7.1.1"), "AIA");
        assertEquals(na, cert.getNotAfter().toInstant());
        assertArrayEquals(kp.getPublic().getEncoded(), cert.getPublicKey().getEncoded());
        assertEquals(root.certificate().getSubjectX500Principal(), cert.getIssuerX500Principal());
    }

    @Test
    void tlsServerAndCodeSigningProfiles() throws Exception {
        SigningAuthority root = RootCertificates.generate(IssueAuthority.RSA, "r", Instant.now());
        KeyPair ec = TestCsrs.ec("secp256r1");
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded());
        CertificateProfile base = new CertificateProfile(CertificateProfile.Usage.DEVICE, null, "http://c", "http://o",
                "http://i");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate tls = toX509(new CertificateSigner().sign(root, new org.bouncycastle.asn1.x500.X500Name(
                "CN=www.example.com"), spki, SerialNumbers.next(), now, now.plusSeconds(3600),
                base.withUsage(CertificateProfile.Usage.TLS_SERVER, List.of("www.example.com", "example.com"))));
        tls.verify(root.certificate().getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), tls.getExtendedKeyUsage());
        assertEquals(2, tls.getSubjectAlternativeNames().size());
        assertFalse(tls.getKeyUsage()[2], "an EC key is not for key encipherment even under the RSA root");
        X509Certificate code = toX509(new CertificateSigner().sign(root, new org.bouncycastle.asn1.x500.X500Name("CN=Acme"),
                spki, SerialNumbers.next(), now, now.plusSeconds(3600),
                base.withUsage(CertificateProfile.Usage.CODE_SIGNING, null)));
        assertEquals(List.of("1.3.6.1.5.5.7.3.3"), code.getExtendedKeyUsage());
        assertEquals(null, code.getSubjectAlternativeNames());
    }

    private static X509Certificate toX509(X509CertificateHolder h) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(h.getEncoded()));
    }

    @Test
    void serialsArePositiveLargeAndDistinct() {
        Set<BigInteger> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            BigInteger s = SerialNumbers.next();
            assertTrue(s.signum() > 0);
            assertTrue(s.bitLength() >= 64 && s.bitLength() <= 127, "bits " + s.bitLength());
            assertTrue(seen.add(s));
        }
    }

    @Test
    void rootsAreTenYearCaCertificates() throws Exception {
        for (IssueAuthority a : IssueAuthority.values()) {
            SigningAuthority root = RootCertificates.generate(a, "r", Instant.now());
            X509Certificate c = root.certificate();
            c.verify(c.getPublicKey());
            assertTrue(c.getBasicConstraints() >= 0);
            assertTrue(c.getKeyUsage()[5], "keyCertSign");
            long days = Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()).toDays();
            assertTrue(days >= 3650, "days " + days);
        }
    }

    @Test
    void keyStoreGeneratesOnceAndReopensTheSameKeys() throws Exception {
        char[] pw = new CaKeyStore(dir).password(null);
        Path pwFile = dir.resolve(CaKeyStore.PASSWORD_FILE);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(pwFile));
        assertArrayEquals(pw, new CaKeyStore(dir).password(null), "generated once, then read back");
        CaKeyStore.Opened first = CaKeyStore.open(null, pw, Instant.now());
        assertNotNull(first.changedKeystore(), "a new keystore to store");
        CaKeyStore.Opened again = CaKeyStore.open(first.changedKeystore(), pw, Instant.now());
        assertNull(again.changedKeystore(), "nothing to add the second time");
        for (IssueAuthority a : IssueAuthority.values()) {
            assertEquals(first.keys().roots().get(a).certificate(), again.keys().roots().get(a).certificate());
            assertArrayEquals(first.keys().roots().get(a).privateKey().getEncoded(),
                    again.keys().roots().get(a).privateKey().getEncoded());
        }
        assertArrayEquals(first.keys().secretsKey().getEncoded(), again.keys().secretsKey().getEncoded());
        assertEquals(32, again.keys().secretsKey().getEncoded().length, "AES-256");
        assertFalse(first.keys().toString().contains("PRIVATE"));
        assertNotEquals(first.keys().roots().get(IssueAuthority.RSA).certificate(),
                first.keys().roots().get(IssueAuthority.ECC).certificate());
    }

    @Test
    void configuredPasswordIsUsedAndAWrongOneFails() {
        assertArrayEquals("s3cret-pass".toCharArray(), new CaKeyStore(dir).password("s3cret-pass"));
        assertFalse(Files.exists(dir.resolve(CaKeyStore.PASSWORD_FILE)));
        byte[] ks = CaKeyStore.open(null, "s3cret-pass".toCharArray(), Instant.now()).changedKeystore();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CaKeyStore.open(ks, "wrong".toCharArray(), Instant.now()));
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void trustStoreHoldsTheRootsAndIsRewrittenOnlyOnChange() throws Exception {
        CaKeyStore.Opened o = CaKeyStore.open(null, "p".toCharArray(), Instant.now());
        Path trust = dir.resolve("trust/client-trust.p12");
        new CaKeyStore(dir).writeTrustStore(o.keys().roots(), trust);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(trust);
        Thread.sleep(20);
        new CaKeyStore(dir).writeTrustStore(o.keys().roots(), trust);
        assertEquals(written, Files.getLastModifiedTime(trust));
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(trust)) {
            ks.load(in, CaKeyStore.TRUST_STORE_PASSWORD.toCharArray());
        }
        assertEquals(2, ks.size());
        assertTrue(ks.isCertificateEntry("rsa-root"));
    }

    @Test
    void publicKeyHashIsStable() throws Exception {
        KeyPair kp = TestCsrs.ec("secp256r1");
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
        assertEquals(CertificateIssuer.publicKeySha256(spki), CertificateIssuer.publicKeySha256(spki));
        assertEquals(64, CertificateIssuer.publicKeySha256(spki).length());
    }
}
