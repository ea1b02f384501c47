package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 against the running server, as CertCentral documents it: the {@code cer} download is a PKCS#7 bundle and
 * {@code default}, {@code apache}, {@code default_pem}, {@code default_cer} are zip files; a CSR certgate cannot use
 * gets DigiCert's {@code csr_invalid_*} codes; every {@code ca_cert_id} and {@code ca_cert} names the issuing CA
 * (CertCentral's ICA) that signs, not the root.
 */
class DigiCertFormatsIT {

    private static DigiCertClient client;
    private static DigiCert.Issued issued;
    private static List<X509Certificate> chain;

    @BeforeAll
    static void anIssuedCertificate() {
        client = DigiCert.newKey(DigiCert.newOrg());
        issued = DigiCert.issuePrivate(client, "formats-" + DigiCert.hex(5) + ".internal.test", null, null, null);
        chain = DigiCert.pemCertificates(client.download(issued.certificateId(), "pem_all").text());
        assertEquals(3, chain.size(), "certificate, issuing CA, root");
        assertEquals(issued.cert(), chain.get(0));
        assertEquals(DigiCert.rootOf(issued.cert()), chain.get(2));
    }

    private static Map<String, List<X509Certificate>> unzip(DigiCertClient.Reply r) throws Exception {
        assertEquals(200, r.status(), r.describe());
        assertEquals("application/zip", r.mediaType());
        Map<String, List<X509Certificate>> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), DigiCert.pemCertificates(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
            }
        }
        return files;
    }

    private static String fileBase() {
        return DigiCert.cn(issued.cert()).replace('.', '_');
    }

    @Test
    void cerIsThePkcs7BundleOfTheChain() {
        DigiCertClient.Reply cer = client.download(issued.certificateId(), "cer");
        assertEquals(200, cer.status(), cer.describe());
        assertEquals("application/x-pkcs7-certificates", cer.mediaType());
        assertFalse(cer.text().startsWith("-----"), "DER");
        List<X509Certificate> bundle = DigiCert.pkcs7Certificates(cer.body());
        assertEquals(3, bundle.size(), bundle.toString());
        assertTrue(bundle.containsAll(chain));
        DigiCertClient.Reply p7b = client.download(issued.certificateId(), "p7b");
        assertTrue(p7b.text().startsWith("-----BEGIN PKCS7-----"), p7b.describe());
        assertTrue(DigiCert.pkcs7Certificates(p7b.body()).containsAll(chain));
    }

    @Test
    void zipFormatsHoldOneFilePerCertificate() throws Exception {
        String base = fileBase();
        Map<String, List<X509Certificate>> def = unzip(client.download(issued.certificateId(), "default"));
        assertEquals(List.of(base + ".crt", "IntermediateCA.crt", "TrustedRoot.crt"), List.copyOf(def.keySet()));
        assertEquals(List.of(chain.get(0)), def.get(base + ".crt"));
        assertEquals(List.of(chain.get(1)), def.get("IntermediateCA.crt"));
        assertEquals(List.of(chain.get(2)), def.get("TrustedRoot.crt"));

        Map<String, List<X509Certificate>> apache = unzip(client.download(issued.certificateId(), "apache"));
        assertEquals(List.of(base + ".crt", "IntermediateCA.crt"), List.copyOf(apache.keySet()), "no root for Apache");
        assertEquals(List.of(base + ".pem", "IntermediateCA.pem", "TrustedRoot.pem"),
                List.copyOf(unzip(client.download(issued.certificateId(), "default_pem")).keySet()));
        Map<String, List<X509Certificate>> cer = unzip(client.downloadByOrder(issued.orderId(), "default_cer"));
        assertEquals(List.of(base + ".cer", "IntermediateCA.cer", "TrustedRoot.cer"), List.copyOf(cer.keySet()));
        assertEquals(List.of(chain.get(0)), cer.get(base + ".cer"), "by order: the order's certificate");

        assertEquals("invalid_format", client.download(issued.certificateId(), "pfx").errorCode(400));
    }

    /** CertCentral's ca_cert_id of a CA certificate: the first 16 hex digits of its SHA-256, upper case. */
    private static String caCertId(X509Certificate ca) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca.getEncoded())).substring(0, 16)
                .toUpperCase(Locale.ROOT);
    }

    @Test
    void caCertIdsNameTheIssuingCaThatSignsNotTheRoot() throws Exception {
        X509Certificate issuing = chain.get(1);
        String id = caCertId(issuing);
        List<String> allowed = DigiCert.allowedCaIds(client, "private_ssl_plus");
        assertEquals(2, allowed.size(), "the organization's RSA and ECC issuing CAs: " + allowed);
        assertTrue(allowed.contains(id), "allowed_ca_certs lists the issuing CA that signed: " + allowed);
        for (X509Certificate root : DigiCert.roots().values()) {
            assertFalse(allowed.contains(caCertId(root)), "no root among allowed_ca_certs");
        }
        JsonObject product = DigiCert.product(client, "private_ssl_plus");
        assertEquals(id, DigiCert.text(product.getJsonObject("default_ca_cert").get("id")), "RSA by default");
        assertEquals("certgate RSA Issuing CA G1", product.getJsonObject("default_ca_cert").getString("name"));

        JsonObject caCert = client.orderInfo(issued.orderId()).expect(200).getJsonObject("certificate")
                .getJsonObject("ca_cert");
        assertEquals(id, DigiCert.text(caCert.get("id")), "order info names the issuing CA that signed");
        assertTrue(issuing.getSubjectX500Principal().getName().contains("CN=" + caCert.getString("name")),
                caCert + " names " + issuing.getSubjectX500Principal());

        // another organization has issuing CAs of its own, and cannot name this one's
        DigiCertClient stranger = DigiCert.newKey(DigiCert.newOrg());
        List<String> theirs = DigiCert.allowedCaIds(stranger, "private_ssl_plus");
        assertFalse(theirs.contains(id), theirs.toString());
        String cn = "stranger-" + DigiCert.hex(4) + ".internal.test";
        assertEquals("invalid_ca_cert_id", stranger.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn,
                null, Pki.rsaCsr(cn), "sha256").add("ca_cert_id", id), true).build()).errorCode(400));

        // ordering with a listed ECC id issues under that issuing CA, as order info and the requests then say
        String ecc = allowed.stream().filter(a -> !a.equals(id)).findFirst().orElseThrow();
        DigiCert.Issued e = DigiCert.issuePrivate(client, "ecc-" + DigiCert.hex(4) + ".internal.test", null,
                c -> c.add("ca_cert_id", ecc), null);
        List<X509Certificate> eccChain = DigiCert.pemCertificates(client.download(e.certificateId(), "pem_all").text());
        assertEquals(ecc, caCertId(eccChain.get(1)));
        assertEquals(DigiCert.roots().get("ECC"), eccChain.get(2));
        JsonObject info = client.orderInfo(e.orderId()).expect(200);
        assertEquals(ecc, DigiCert.text(info.getJsonObject("certificate").getJsonObject("ca_cert").get("id")));
        for (JsonValue r : info.getJsonArray("requests")) {
            JsonObject request = client.request(DigiCert.intId(r.asJsonObject(), "id")).expect(200);
            assertEquals(ecc, DigiCert.text(request.getJsonObject("order").getJsonObject("certificate")
                    .getJsonObject("ca_cert").get("id")), request.toString());
        }
    }

    @Test
    void badCsrsGetDigiCertsCsrInvalidCodes() {
        String cn = "badcsr-" + DigiCert.hex(4) + ".internal.test";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("-----BEGIN CERTIFICATE REQUEST-----\nTm90IGEgQ1NS\n-----END CERTIFICATE REQUEST-----\n",
                "csr_invalid_cannot_parse");
        expected.put("no CSR at all", "csr_invalid_cannot_parse");
        expected.put(Pki.csr(Pki.rsa(1024), "SHA256withRSA", "CN=" + cn), "csr_invalid_key");
        expected.put(Pki.csr(Pki.rsa(2048), "SHA1withRSA", "CN=" + cn), "csr_invalid_signature");
        String good = Pki.rsaCsr(cn);
        byte[] der = java.util.Base64.getMimeDecoder().decode(good.replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", ""));
        der[der.length - 5] ^= 0x40; // a bit of the signature
        expected.put("-----BEGIN CERTIFICATE REQUEST-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n", "csr_invalid_signature");
        List<String> got = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            DigiCertClient.Reply r = client.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null,
                    e.getKey(), "sha256"), true).build());
            got.add(r.errorCode(400));
            assertEquals(e.getValue(), got.get(got.size() - 1), r.describe());
            DigiCertClient.Reply reissue = client.reissue(issued.orderId(), jakarta.json.Json.createObjectBuilder()
                    .add("certificate", DigiCert.certificate(DigiCert.cn(issued.cert()), null, e.getKey(), "sha256"))
                    .add("skip_approval", true).build());
            assertEquals(e.getValue(), reissue.errorCode(400), "reissue: " + reissue.describe());
        }
        assertNotEquals(0, got.size());
        assertEquals(issued.cert(), DigiCert.current(client, issued.orderId()), "nothing reissued");
    }
}
