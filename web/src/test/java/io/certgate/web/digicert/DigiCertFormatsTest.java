package io.certgate.web.digicert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.Pem;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CertCentral's download formats over a real three-certificate chain, and its codes for a bad CSR. */
class DigiCertFormatsTest {

    private static X509Certificate root;
    private static X509Certificate issuing;
    private static X509Certificate leaf;
    private static String leafPem;
    private static byte[] pkcs7;

    @BeforeAll
    static void chain() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair rootKey = g.generateKeyPair();
        KeyPair caKey = g.generateKeyPair();
        KeyPair leafKey = g.generateKeyPair();
        root = cert("CN=Test Root", "CN=Test Root", rootKey, rootKey, true);
        issuing = cert("CN=Test Root", "CN=Test Issuing CA G1", caKey, rootKey, true);
        leaf = cert("CN=Test Issuing CA G1", "CN=app.example.com", leafKey, caKey, false);
        leafPem = Pem.certificate(leaf);
        CMSSignedDataGenerator p7 = new CMSSignedDataGenerator();
        for (X509Certificate c : List.of(leaf, issuing, root)) {
            p7.addCertificate(new X509CertificateHolder(c.getEncoded()));
        }
        pkcs7 = p7.generate(new CMSAbsentContent()).getEncoded();
    }

    private static X509Certificate cert(String issuer, String subject, KeyPair subjectKey, KeyPair issuerKey, boolean ca)
            throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(System.nanoTime()), new Date(), new Date(System.currentTimeMillis() + 86_400_000L),
                new X500Name(subject), subjectKey.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(issuerKey.getPrivate())));
    }

    private static DigiCertFormats.Download download(String format) {
        return DigiCertFormats.of(format, leafPem, "app.example.com", List.of(issuing, root), pkcs7).orElseThrow();
    }

    private static List<X509Certificate> pem(byte[] body) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(body))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    private static List<X509Certificate> pkcs7Certificates(byte[] der) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : new CMSSignedData(der).getCertificates().getMatches(null)) {
            out.add(new JcaX509CertificateConverter().getCertificate(h));
        }
        return out;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void pemFormatsCarryTheirPartOfTheChain() throws Exception {
        assertEquals(List.of(leaf, issuing, root), pem(download("pem_all").body()));
        assertEquals(List.of(leaf, issuing), pem(download("pem_noroot").body()));
        assertEquals(List.of(leaf, root), pem(download("pem_nointermediate").body()));
        assertEquals(List.of(leaf), pem(download("crt").body()));
        assertEquals(List.of(leaf, issuing, root), pem(download("PEM_ALL").body()), "any case");
        String all = new String(download("pem_all").body(), StandardCharsets.US_ASCII);
        assertTrue(all.endsWith("-----END CERTIFICATE-----\n"), all);
        assertEquals(DigiCertFormats.PEM, download("pem_all").contentType());
    }

    @Test
    void p7bIsPemAndCerIsDerOfTheSamePkcs7() throws Exception {
        DigiCertFormats.Download p7b = download("p7b");
        String text = new String(p7b.body(), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("-----BEGIN PKCS7-----\n") && text.endsWith("-----END PKCS7-----\n"), text);
        DigiCertFormats.Download cer = download("cer");
        assertArrayEquals(pkcs7, cer.body(), "cer: the PKCS#7 bundle, DER");
        assertEquals(List.of(leaf, issuing, root).size(), pkcs7Certificates(cer.body()).size());
        assertTrue(pkcs7Certificates(cer.body()).containsAll(List.of(leaf, issuing, root)));
        assertEquals(DigiCertFormats.PKCS7, cer.contentType());
        assertEquals("app_example_com.cer", cer.fileName());
    }

    @Test
    void zipFormatsHoldOneFilePerCertificate() throws Exception {
        Map<String, byte[]> def = unzip(download("default").body());
        assertEquals(List.of("app_example_com.crt", "IntermediateCA.crt", "TrustedRoot.crt"), List.copyOf(def.keySet()));
        assertEquals(List.of(leaf), pem(def.get("app_example_com.crt")));
        assertEquals(List.of(issuing), pem(def.get("IntermediateCA.crt")));
        assertEquals(List.of(root), pem(def.get("TrustedRoot.crt")));
        assertEquals(List.of("app_example_com.crt", "IntermediateCA.crt"),
                List.copyOf(unzip(download("apache").body()).keySet()), "apache: certificate and chain file");
        assertEquals(List.of("app_example_com.pem", "IntermediateCA.pem", "TrustedRoot.pem"),
                List.copyOf(unzip(download("default_pem").body()).keySet()));
        Map<String, byte[]> cer = unzip(download("default_cer").body());
        assertEquals(List.of("app_example_com.cer", "IntermediateCA.cer", "TrustedRoot.cer"), List.copyOf(cer.keySet()));
        assertEquals(List.of(root), pem(cer.get("TrustedRoot.cer")));
        assertEquals(DigiCertFormats.ZIP, download("default").contentType());
        assertEquals("app_example_com.zip", download("default").fileName());
    }

    @Test
    void unknownFormatsAreNone() {
        for (String f : new String[] {"zip", "pfx", "", "nginx", "pem_all "}) {
            assertEquals(Optional.empty(), DigiCertFormats.of(f, leafPem, "x", List.of(issuing, root), pkcs7), f);
        }
        assertEquals(Optional.empty(), DigiCertFormats.of(null, leafPem, "x", List.of(issuing, root), pkcs7));
    }

    @Test
    void fileNamesComeFromTheCommonName() {
        assertEquals("star_example_com", DigiCertFormats.fileBase("*.example.com"));
        assertEquals("a_b_c", DigiCertFormats.fileBase("a/b\\c"));
        assertEquals("certificate", DigiCertFormats.fileBase(""));
        assertEquals("certificate", DigiCertFormats.fileBase(null));
        assertEquals("certificate", DigiCertFormats.fileBase("../"));
    }

    @Test
    void badCsrsGetCertCentralsCodes() {
        assertEquals("csr_invalid_cannot_parse", DigiCertErrors.csrCode(InvalidCsrException.Reason.CANNOT_PARSE));
        assertEquals("csr_invalid_key", DigiCertErrors.csrCode(InvalidCsrException.Reason.KEY));
        assertEquals("csr_invalid_signature", DigiCertErrors.csrCode(InvalidCsrException.Reason.SIGNATURE));
        assertEquals("csr_invalid_subject", DigiCertErrors.csrCode(InvalidCsrException.Reason.CONTENT));
    }
}
