package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** What an approver reads of a pending CSR. */
class CsrFactsTest {

    @Test
    void theNamesKeyAndSignatureOfACsr() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair key = g.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "meter.example.test"),
                new GeneralName(GeneralName.iPAddress, "192.0.2.9")}));
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=meter,O=acme"), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(csr);
        }
        CsrFacts f = CsrFacts.of(pem.toString());
        assertEquals("CN=meter,O=acme", f.subject());
        assertEquals(List.of("DNS:meter.example.test", "IP:192.0.2.9"), f.subjectAlternativeNames());
        assertEquals("RSA 2048", f.key());
        assertEquals("SHA256WITHRSA", f.signatureAlgorithm().toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void anUnreadableCsrSaysSo() {
        assertEquals("(unreadable CSR)", CsrFacts.of("not a CSR").subject());
    }

    private static String csrBase64(String subject) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        return java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    }

    /** What the pending pages and the admin API show of a request's CSR: its subject, with or without PEM headers. */
    @Test
    void theSubjectOfAPemRequestWithOrWithoutHeaders() throws Exception {
        String b64 = csrBase64("CN=meter-001,O=Acme");
        assertEquals("CN=meter-001,O=Acme", CsrFacts.of("-----BEGIN CERTIFICATE REQUEST-----\n" + b64
                + "\n-----END CERTIFICATE REQUEST-----\n").subject());
        assertEquals("CN=meter-001,O=Acme", CsrFacts.of(b64).subject());
        assertEquals("EC 256", CsrFacts.of(b64).key());
    }

    @Test
    void aNoteForAnythingElse() {
        assertEquals("(no CSR)", CsrFacts.of(null).subject());
        assertEquals("(no CSR)", CsrFacts.of(" ").subject());
        assertEquals("(unreadable CSR)", CsrFacts.of("not a request").subject());
        assertEquals("(unreadable CSR)", CsrFacts.of("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n").subject());
    }
}
