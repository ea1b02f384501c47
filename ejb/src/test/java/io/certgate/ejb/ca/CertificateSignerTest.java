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
import io.certgate.ejb.ca.custody.KeyCustody;
import io.certgate.ejb.ca.custody.Pkcs12Custody;
import io.certgate.ejb.common.ServerFiles;
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
        KeyCustody root = custody();
        KeyPair kp = authority == IssueAuthority.RSA ? TestCsrs.rsa(2048) : TestCsrs.ec("secp256r1");
        String sig = authority.signatureAlgorithm();
        ValidatedCsr csr = new CsrValidator().validate(TestCsrs.pem(kp, sig), authority);
        Instant nb = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant na = nb.plus(Duration.ofDays(30));
        BigInteger serial = SerialNumbers.next();
        X509CertificateHolder holder = new CertificateSigner().sign(root.certificate(authority), root.signer(authority), csr.subject(), csr.publicKey(), serial, nb, na,
                new CertificateProfile(CertificateProfile.Usage.DEVICE, null, "http://ca/crl", "http://ca/ocsp",
                        "http://ca/cacert"));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        cert.verify(root.certificate(authority).getPublicKey());
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
        assertEquals(root.certificate(authority).getSubjectX500Principal(), cert.getIssuerX500Principal());
    }

    @Test
    void tlsServerAndCodeSigningProfiles() throws Exception {
        IssueAuthority authority = IssueAuthority.RSA;
        KeyCustody root = custody();
        KeyPair ec = TestCsrs.ec("secp256r1");
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded());
        CertificateProfile base = new CertificateProfile(CertificateProfile.Usage.DEVICE, null, "http://c", "http://o",
                "http://i");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate tls = toX509(new CertificateSigner().sign(root.certificate(authority), root.signer(authority), new org.bouncycastle.asn1.x500.X500Name(
                "CN=www.example.com"), spki, SerialNumbers.next(), now, now.plusSeconds(3600),
                base.withUsage(CertificateProfile.Usage.TLS_SERVER, List.of("www.example.com", "example.com"))));
        tls.verify(root.certificate(authority).getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), tls.getExtendedKeyUsage());
        assertEquals(2, tls.getSubjectAlternativeNames().size());
        assertFalse(tls.getKeyUsage()[2], "an EC key is not for key encipherment even under the RSA root");
        X509Certificate code = toX509(new CertificateSigner().sign(root.certificate(authority), root.signer(authority), new org.bouncycastle.asn1.x500.X500Name("CN=Acme"),
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
            X509Certificate c = custody().certificate(a);
            c.verify(c.getPublicKey());
            assertTrue(c.getBasicConstraints() >= 0);
            assertTrue(c.getKeyUsage()[5], "keyCertSign");
            long days = Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()).toDays();
            assertTrue(days >= 3650, "days " + days);
        }
    }

    @Test
    void keyStoreGeneratesOnceAndReopensTheSameKeys() throws Exception {
        char[] pw = ServerFiles.keystorePassword(null, dir);
        Path pwFile = dir.resolve(ServerFiles.PASSWORD_FILE);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(pwFile));
        assertArrayEquals(pw, ServerFiles.keystorePassword(null, dir), "generated once, then read back");
        Pkcs12Custody.Opened first = Pkcs12Custody.open(null, pw, Instant.now());
        assertNotNull(first.changedKeystore(), "a new keystore to store");
        Pkcs12Custody.Opened again = Pkcs12Custody.open(first.changedKeystore(), pw, Instant.now());
        assertNull(again.changedKeystore(), "nothing to add the second time");
        for (IssueAuthority a : IssueAuthority.values()) {
            X509Certificate root = first.custody().certificate(a);
            assertEquals(root, again.custody().certificate(a));
            // the reopened key signs what the first root certificate verifies: the same key
            X509CertificateHolder signed = probe(root, again.custody().signer(a));
            assertTrue(signed.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .setProvider(CryptoProviders.BC).build(root.getPublicKey())));
        }
        assertFalse(first.custody().toString().contains("PRIVATE"));
        assertNotEquals(first.custody().certificate(IssueAuthority.RSA), first.custody().certificate(IssueAuthority.ECC));
    }

    /** Signs a throw-away certificate with a custody signer, to prove which key it holds. */
    private static X509CertificateHolder probe(X509Certificate issuer, org.bouncycastle.operator.ContentSigner signer)
            throws Exception {
        KeyPair kp = TestCsrs.ec("secp256r1");
        return new CertificateSigner().sign(issuer, signer, new org.bouncycastle.asn1.x500.X500Name("CN=probe"),
                SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()), SerialNumbers.next(),
                Instant.now(), Instant.now().plusSeconds(60), new CertificateProfile(CertificateProfile.Usage.DEVICE,
                        null, "http://ca/crl", "http://ca/ocsp", "http://ca/cacert"));
    }

    @Test
    void configuredPasswordIsUsedAndAWrongOneFails() {
        assertArrayEquals("s3cret-pass".toCharArray(), ServerFiles.keystorePassword("s3cret-pass", dir));
        assertFalse(Files.exists(dir.resolve(ServerFiles.PASSWORD_FILE)));
        byte[] ks = Pkcs12Custody.open(null, "s3cret-pass".toCharArray(), Instant.now()).changedKeystore();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pkcs12Custody.open(ks, "wrong".toCharArray(), Instant.now()));
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void trustStoreHoldsTheRootsAndIsRewrittenOnlyOnChange() throws Exception {
        KeyCustody c = custody();
        Map<String, X509Certificate> roots = Map.of("rsa-root", c.certificate(IssueAuthority.RSA),
                "ecc-root", c.certificate(IssueAuthority.ECC));
        Path trust = dir.resolve("trust/client-trust.p12");
        ClientTrustStore.write(roots, trust);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(trust);
        Thread.sleep(20);
        ClientTrustStore.write(roots, trust);
        assertEquals(written, Files.getLastModifiedTime(trust));
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(trust)) {
            ks.load(in, ClientTrustStore.PASSWORD.toCharArray());
        }
        assertEquals(2, ks.size());
        assertTrue(ks.isCertificateEntry("rsa-root"));
    }

    @Test
    void aStartWritingTheRootsKeepsTheIssuingCasAndChangesNothing() throws Exception {
        KeyCustody c = custody();
        Map<String, X509Certificate> roots = Map.of("rsa-root", c.certificate(IssueAuthority.RSA),
                "ecc-root", c.certificate(IssueAuthority.ECC));
        Map<String, X509Certificate> all = new java.util.HashMap<>(roots);
        all.put("issuing-ca-7", custody().certificate(IssueAuthority.RSA)); // another key's certificate stands in
        Path trust = dir.resolve("trust/client-trust.p12");
        ClientTrustStore.write(all, trust);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(trust);
        Thread.sleep(20);
        ClientTrustStore.writeRoots(roots, trust);
        assertEquals(written, Files.getLastModifiedTime(trust), "a restart rewrites nothing: Liberty reloads nothing");
        ClientTrustStore.write(all, trust);
        assertEquals(written, Files.getLastModifiedTime(trust));
        Map<String, X509Certificate> newRoot = Map.of("rsa-root", custody().certificate(IssueAuthority.RSA),
                "ecc-root", c.certificate(IssueAuthority.ECC));
        ClientTrustStore.writeRoots(newRoot, trust);
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(trust)) {
            ks.load(in, ClientTrustStore.PASSWORD.toCharArray());
        }
        assertEquals(3, ks.size());
        assertEquals(newRoot.get("rsa-root"), ks.getCertificate("rsa-root"), "a changed root is written");
        assertEquals(all.get("issuing-ca-7"), ks.getCertificate("issuing-ca-7"), "the issuing CA kept");
    }

    private static KeyCustody custody() {
        return Pkcs12Custody.open(null, "test".toCharArray(), Instant.now()).custody();
    }

    @Test
    void publicKeyHashIsStable() throws Exception {
        KeyPair kp = TestCsrs.ec("secp256r1");
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
        assertEquals(CertificateLedger.publicKeySha256(spki), CertificateLedger.publicKeySha256(spki));
        assertEquals(64, CertificateLedger.publicKeySha256(spki).length());
    }
}
