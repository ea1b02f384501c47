package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.IssueAuthority;
import java.security.KeyPair;
import java.util.Base64;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrValidatorTest {

    private static KeyPair rsa2048;
    private static KeyPair p256;
    private static String rsaPem;
    private static String ecPem;
    private final CsrValidator validator = new CsrValidator();

    @BeforeAll
    static void keys() throws Exception {
        rsa2048 = TestCsrs.rsa(2048);
        p256 = TestCsrs.ec("secp256r1");
        rsaPem = TestCsrs.pem(rsa2048, "SHA256withRSA");
        ecPem = TestCsrs.pem(p256, "SHA256withECDSA");
    }

    @Test
    void acceptsRsa2048Sha256() {
        ValidatedCsr v = validator.validate(rsaPem, IssueAuthority.RSA);
        assertEquals("CN=device-1,O=certgate test,C=CN", v.subject().toString());
    }

    @Test
    void acceptsP256Sha256() {
        ValidatedCsr v = validator.validate(ecPem, IssueAuthority.ECC);
        assertTrue(v.publicKey().getAlgorithm().getAlgorithm().getId().startsWith("1.2.840.10045"));
    }

    @Test
    void acceptsPemWithoutHeadersAndWithNewHeaders() {
        String body = rsaPem.replace("-----BEGIN CERTIFICATE REQUEST-----", "")
                .replace("-----END CERTIFICATE REQUEST-----", "");
        validator.validate(body, IssueAuthority.RSA);
        validator.validate(rsaPem.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"), IssueAuthority.RSA);
        validator.validate(body.replace("\n", ""), IssueAuthority.RSA);
    }

    @Test
    void rsaCsrForEccAuthorityIsRefused() {
        assertThrows(InvalidCsrException.class, () -> validator.validate(rsaPem, IssueAuthority.ECC));
    }

    @Test
    void ecCsrForRsaAuthorityIsRefused() {
        assertThrows(InvalidCsrException.class, () -> validator.validate(ecPem, IssueAuthority.RSA));
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 3072, 4096})
    void rsaKeysOtherThan2048AreRefused(int bits) throws Exception {
        String pem = TestCsrs.pem(TestCsrs.rsa(bits), "SHA256withRSA");
        InvalidCsrException e = assertThrows(InvalidCsrException.class, () -> validator.validate(pem, IssueAuthority.RSA));
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
        assertEquals(InvalidCsrException.Reason.KEY, e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA1withRSA", "SHA384withRSA", "SHA512withRSA", "SHA256withRSAandMGF1"})
    void rsaSignatureAlgorithmsOtherThanSha256AreRefused(String alg) throws Exception {
        String pem = TestCsrs.pem(rsa2048, alg);
        assertThrows(InvalidCsrException.class, () -> validator.validate(pem, IssueAuthority.RSA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp384r1", "secp521r1"})
    void otherCurvesAreRefused(String curve) throws Exception {
        String alg = curve.equals("secp384r1") ? "SHA384withECDSA" : "SHA512withECDSA";
        String pem = TestCsrs.pem(TestCsrs.ec(curve), alg);
        assertThrows(InvalidCsrException.class, () -> validator.validate(pem, IssueAuthority.ECC));
        String pem256 = TestCsrs.pem(TestCsrs.ec(curve), "SHA256withECDSA");
        assertThrows(InvalidCsrException.class, () -> validator.validate(pem256, IssueAuthority.ECC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA1withECDSA", "SHA384withECDSA"})
    void ecSignatureAlgorithmsOtherThanSha256AreRefused(String alg) throws Exception {
        String pem = TestCsrs.pem(p256, alg);
        assertThrows(InvalidCsrException.class, () -> validator.validate(pem, IssueAuthority.ECC));
    }

    @Test
    void brokenSignatureIsRefused() throws Exception {
        byte[] der = TestCsrs.csr(rsa2048, "SHA256withRSA", "CN=x").getEncoded();
        der[der.length - 5] ^= 0x40; // flip a bit inside the signature
        String pem = Pem.encode("CERTIFICATE REQUEST", der);
        InvalidCsrException e = assertThrows(InvalidCsrException.class, () -> validator.validate(pem, IssueAuthority.RSA));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
        assertEquals(InvalidCsrException.Reason.SIGNATURE, e.reason());
    }

    @Test
    void signatureByAnotherKeyIsRefused() throws Exception {
        KeyPair other = TestCsrs.rsa(2048);
        PKCS10CertificationRequest good = TestCsrs.csr(rsa2048, "SHA256withRSA", "CN=x");
        PKCS10CertificationRequest forged = new PKCS10CertificationRequest(new org.bouncycastle.asn1.pkcs.CertificationRequest(
                good.toASN1Structure().getCertificationRequestInfo(), good.getSignatureAlgorithm(),
                new org.bouncycastle.asn1.DERBitString(TestCsrs.csr(other, "SHA256withRSA", "CN=x").getSignature())));
        assertThrows(InvalidCsrException.class,
                () -> validator.validate(TestCsrs.pem(forged), IssueAuthority.RSA));
    }

    @Test
    void requestsStuffedWithExtensionsAreRefused() throws Exception {
        org.bouncycastle.asn1.x509.ExtensionsGenerator few = new org.bouncycastle.asn1.x509.ExtensionsGenerator();
        few.addExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false,
                new org.bouncycastle.asn1.x509.GeneralNames(new org.bouncycastle.asn1.x509.GeneralName(
                        org.bouncycastle.asn1.x509.GeneralName.dNSName, "a.example.com")));
        validator.validate(TestCsrs.pem(withExtensions(few)), IssueAuthority.RSA);
        org.bouncycastle.asn1.x509.ExtensionsGenerator many = new org.bouncycastle.asn1.x509.ExtensionsGenerator();
        for (int i = 0; i <= CsrValidator.MAX_REQUESTED_EXTENSIONS; i++) {
            many.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999." + i), false,
                    new org.bouncycastle.asn1.DEROctetString(new byte[] {1}));
        }
        InvalidCsrException e = assertThrows(InvalidCsrException.class,
                () -> validator.validate(TestCsrs.pem(withExtensions(many)), IssueAuthority.RSA));
        assertTrue(e.getMessage().contains("extensions"), e.getMessage());
        assertEquals(InvalidCsrException.Reason.CONTENT, e.reason());
    }

    /** Each refusal says what kind it is (DigiCert answers csr_invalid_cannot_parse, _key, _signature by it). */
    @Test
    void refusalsNameTheirReason() throws Exception {
        for (String garbage : new String[] {"", "   ", "-----BEGIN CERTIFICATE REQUEST-----\nTm90IGEgQ1NS\n-----END "
                + "CERTIFICATE REQUEST-----\n", "not base64 at all!", "-----BEGIN X-----\nAAAA\n-----END Y-----",
                "MIIB" + "A".repeat(20)}) {
            assertEquals(InvalidCsrException.Reason.CANNOT_PARSE, assertThrows(InvalidCsrException.class,
                    () -> validator.validate(garbage, KeyPolicy.ENTERPRISE)).reason(), garbage);
        }
        String rsa1024 = TestCsrs.pem(TestCsrs.rsa(1024), "SHA256withRSA");
        assertEquals(InvalidCsrException.Reason.KEY, assertThrows(InvalidCsrException.class,
                () -> validator.validate(rsa1024, KeyPolicy.ENTERPRISE)).reason());
        String p521 = TestCsrs.pem(TestCsrs.ec("secp521r1"), "SHA512withECDSA");
        assertEquals(InvalidCsrException.Reason.KEY, assertThrows(InvalidCsrException.class,
                () -> validator.validate(p521, KeyPolicy.ENTERPRISE)).reason());
        String sha1 = TestCsrs.pem(rsa2048, "SHA1withRSA");
        assertEquals(InvalidCsrException.Reason.SIGNATURE, assertThrows(InvalidCsrException.class,
                () -> validator.validate(sha1, KeyPolicy.ENTERPRISE)).reason());
        assertEquals(InvalidCsrException.Reason.SIGNATURE, assertThrows(InvalidCsrException.class,
                () -> validator.validate(sha1, IssueAuthority.RSA)).reason());
    }

    private static PKCS10CertificationRequest withExtensions(org.bouncycastle.asn1.x509.ExtensionsGenerator g)
            throws Exception {
        return new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=x"), rsa2048.getPublic())
                .addAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, g.generate())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                        .build(rsa2048.getPrivate()));
    }

    @Test
    void emptySubjectIsRefused() throws Exception {
        String pem = TestCsrs.pem(TestCsrs.csr(rsa2048, "SHA256withRSA", ""));
        assertThrows(InvalidCsrException.class, () -> validator.validate(pem, IssueAuthority.RSA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----",
            "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "MIIB!!", "' OR 1=1 --",
            "-----BEGIN CERTIFICATE REQUEST-----\nMIICpzCCAY8CAQAwYjELMAkG"})
    void garbageIsRefusedCleanly(String text) {
        assertThrows(InvalidCsrException.class, () -> validator.validate(text, IssueAuthority.RSA));
    }

    @Test
    void truncatedCsrIsRefused() {
        String truncated = rsaPem.substring(0, rsaPem.length() / 2) + "\n-----END CERTIFICATE REQUEST-----\n";
        assertThrows(InvalidCsrException.class, () -> validator.validate(truncated, IssueAuthority.RSA));
    }

    @Test
    void trailingDataIsRefused() throws Exception {
        byte[] der = TestCsrs.csr(rsa2048, "SHA256withRSA", "CN=x").getEncoded();
        byte[] longer = java.util.Arrays.copyOf(der, der.length + 4);
        assertThrows(InvalidCsrException.class,
                () -> validator.validate(Pem.encode("CERTIFICATE REQUEST", longer), IssueAuthority.RSA));
    }

    @Test
    void oversizedPemIsRefusedBeforeParsing() {
        String huge = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getEncoder().encodeToString(new byte[CsrValidator.MAX_PEM_CHARS])
                + "\n-----END CERTIFICATE REQUEST-----\n";
        InvalidCsrException e = assertThrows(InvalidCsrException.class, () -> validator.validate(huge, IssueAuthority.RSA));
        assertTrue(e.getMessage().contains("larger"), e.getMessage());
    }
}
