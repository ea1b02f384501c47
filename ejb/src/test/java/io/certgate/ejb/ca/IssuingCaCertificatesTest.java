package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuingCa;
import io.certgate.ejb.ca.custody.KeyCustody;
import io.certgate.ejb.ca.custody.Pkcs12Custody;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IssuingCaCertificatesTest {

    static KeyCustody custody;
    static final IssuingCaCertificates.RootUrls URLS = new IssuingCaCertificates.RootUrls(
            "http://ca.test/enos/CA/crl/RSA", "http://ca.test/enos/CA/cacert/RSA", "http://ca.test/enos/CA/ocsp");

    @BeforeAll
    static void custody() {
        custody = Pkcs12Custody.open(null, "test".toCharArray(), Instant.now()).custody();
    }

    static X509Certificate issuing(IssueAuthority a, KeyCustody.NewCaKey key) {
        return IssuingCaCertificates.sign(custody.certificate(a), custody.signer(a),
                IssuingCaCertificates.subject("acme", a, 1), SubjectPublicKeyInfo.getInstance(
                        key.publicKey().getEncoded()), Instant.now(), URLS);
    }

    @Test
    void anIssuingCaSignsOnlyLeavesAndPointsAtItsRoot() throws Exception {
        for (IssueAuthority a : IssueAuthority.values()) {
            KeyCustody.NewCaKey key = custody.newCaKey(a, "acme-" + a);
            X509Certificate ca = issuing(a, key);
            X509Certificate root = custody.certificate(a);
            ca.verify(root.getPublicKey());
            assertEquals(root.getSubjectX500Principal(), ca.getIssuerX500Principal());
            assertEquals(0, ca.getBasicConstraints(), "CA with pathLenConstraint 0");
            assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.19"), "basicConstraints critical");
            boolean[] ku = ca.getKeyUsage();
            assertTrue(ku[0] && ku[5] && ku[6], "digitalSignature, keyCertSign, cRLSign");
            assertNotNull(ca.getExtensionValue("2.5.29.14"), "subject key identifier");
            assertNotNull(ca.getExtensionValue("2.5.29.35"), "authority key identifier");
            String cdp = new String(ca.getExtensionValue("2.5.29.31"), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(cdp.contains(URLS.crlUrl()), "the root's CRL");
            String aia = new String(ca.getExtensionValue("1.3.6.1.5.5.7.1.1"), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(aia.contains(URLS.ocspUrl()) && aia.contains(URLS.caIssuersUrl()), "OCSP and caIssuers");
            assertFalse(ca.getNotAfter().after(root.getNotAfter()), "never beyond its root");
            assertTrue(ca.getSubjectX500Principal().getName().contains("OU=acme"));
        }
    }

    @Test
    void aLeafOfTheIssuingCaValidatesWithTheRootAsAnchorAndWithTheIssuingCaAsAnchor() throws Exception {
        KeyCustody.NewCaKey key = custody.newCaKey(IssueAuthority.ECC, "acme-ecc-leaf");
        X509Certificate ca = issuing(IssueAuthority.ECC, key);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509CertificateHolder leafHolder = new CertificateSigner().sign(ca,
                custody.caSigner(key.keyRef(), IssueAuthority.ECC, "SHA256withECDSA"), new X500Name("CN=meter-1"),
                SubjectPublicKeyInfo.getInstance(TestCsrs.ec("secp256r1").getPublic().getEncoded()), SerialNumbers.next(),
                now, now.plusSeconds(86400), new CertificateProfile(CertificateProfile.Usage.DEVICE, List.of(),
                        "http://ca.test/enos/CA/ca/1/crl", "http://ca.test/enos/CA/ocsp", "http://ca.test/enos/CA/ca/1/cert"));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(leafHolder);
        CertPathValidator v = CertPathValidator.getInstance("PKIX");
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        PKIXParameters rootAnchor = new PKIXParameters(Set.of(new TrustAnchor(custody.certificate(IssueAuthority.ECC), null)));
        rootAnchor.setRevocationEnabled(false);
        v.validate(f.generateCertPath(List.of(leaf, ca)), rootAnchor);
        PKIXParameters issuingAnchor = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        issuingAnchor.setRevocationEnabled(false);
        v.validate(f.generateCertPath(List.of(leaf)), issuingAnchor); // a relying party that trusts one organization
        PKIXParameters otherAnchor = new PKIXParameters(Set.of(new TrustAnchor(issuing(IssueAuthority.ECC,
                custody.newCaKey(IssueAuthority.ECC, "other")), null)));
        otherAnchor.setRevocationEnabled(false);
        assertThrows(java.security.cert.CertPathValidatorException.class,
                () -> v.validate(f.generateCertPath(List.of(leaf)), otherAnchor), "another organization's CA");
    }

    @Test
    void aCaKeyHandleOpensTheSameKeyAgainAndNeverHoldsItInClear() throws Exception {
        KeyCustody.NewCaKey key = custody.newCaKey(IssueAuthority.RSA, "acme-rsa-reopen");
        assertTrue(key.keyRef().startsWith("p12:"));
        KeyCustody reopened = Pkcs12Custody.open(null, "test".toCharArray(), Instant.now()).custody();
        var signer = reopened.caSigner(key.keyRef(), IssueAuthority.RSA, "SHA256withRSA");
        signer.getOutputStream().write(new byte[] {1, 2, 3});
        java.security.Signature verify = java.security.Signature.getInstance("SHA256withRSA");
        verify.initVerify(key.publicKey());
        verify.update(new byte[] {1, 2, 3});
        assertTrue(verify.verify(signer.getSignature()), "the handle's key signs");
        KeyCustody wrongPassword = Pkcs12Custody.open(null, "other".toCharArray(), Instant.now()).custody();
        assertThrows(IllegalStateException.class,
                () -> wrongPassword.caSigner(key.keyRef(), IssueAuthority.RSA, "SHA256withRSA"));
    }

    @Test
    void organizationsHaveTheirOwnScopeUnlessTheyShareAndTheServerHasTheInfrastructureCa() {
        assertEquals("acme", IssuingAuthorities.scopeOf("acme", false));
        assertEquals(IssuingCa.SHARED, IssuingAuthorities.scopeOf("acme", true));
        assertEquals(IssuingCa.SERVER, IssuingAuthorities.scopeOf(IssuingCa.SERVER, true));
        assertEquals(IssuingCa.SERVER, IssuingAuthorities.scopeOf(IssuingCa.SERVER, false));
        assertTrue(IssuingCaCertificates.subject(IssuingCa.SERVER, IssueAuthority.RSA, 2).toString()
                .contains("Infrastructure CA G2"));
        assertNotEquals(IssuingCaFactory.label("a b", IssueAuthority.RSA, 1), IssuingCaFactory.label("a-b",
                IssueAuthority.RSA, 1), "labels stay unique when scopes sanitize alike");
        assertTrue(IssuingCaFactory.label("x".repeat(64), IssueAuthority.ECC, 3).matches("ca-x{24}-ecc-g3-[0-9a-f]{6}"));
    }

    @Test
    void aRootMadeHereHasItsPrivateKeyHere() {
        assertTrue(custody.hasRootKey(IssueAuthority.RSA));
        assertTrue(custody.hasRootKey(IssueAuthority.ECC));
    }
}
