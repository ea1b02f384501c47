package io.certgate.it;

import static io.certgate.it.DigiCert.intId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user's automation does with CertCentral, end to end: order, download in every format, reissue, revoke;
 * and the approval workflow (pending request, self-approval refused, approval or rejection by another key).
 */
class DigiCertWalkIT {

    private static String org;
    /** The key the automation runs with. */
    private static DigiCertClient requester;
    /** A second key of the same organization, used as the approver (separation of duties). */
    private static DigiCertClient approver;

    @BeforeAll
    static void keys() {
        org = DigiCert.newOrg();
        requester = DigiCert.newKey(org);
        approver = DigiCert.newKey(org);
    }

    @Test
    void productListNamesTheCatalogueAndItsTwoCas() {
        JsonObject answer = requester.products().expect(200);
        Map<String, JsonObject> byNameId = new HashMap<>();
        for (JsonValue v : answer.getJsonArray("products")) {
            JsonObject p = v.asJsonObject();
            byNameId.put(p.getString("name_id"), p);
            assertFalse(p.getString("name").isBlank(), "a display name: " + p);
        }
        assertTrue(byNameId.keySet().containsAll(List.of("ssl_plus", "ssl_wildcard", "ssl_multi_domain",
                "private_ssl_plus", "private_ssl_wildcard", "client_premium", "code_signing")), byNameId.keySet()
                .toString());
        // product types as CertCentral's product list names them (riboseinc/digicert products.json)
        assertEquals("ssl_certificate", byNameId.get("ssl_plus").getString("type"));
        assertEquals("ssl_certificate", byNameId.get("private_ssl_plus").getString("type"));
        assertEquals("client_certificate", byNameId.get("client_premium").getString("type"));
        assertEquals("code_signing_certificate", byNameId.get("code_signing").getString("type"));

        List<String> cas = DigiCert.allowedCaIds(requester, "private_ssl_plus");
        assertEquals(2, cas.size(), "an RSA and an ECC CA");
        Map<String, String> byAlgorithm = DigiCert.caIds(requester);
        assertEquals(Set.copyOf(cas), Set.copyOf(byAlgorithm.values()));
        assertEquals(Set.copyOf(cas), Set.copyOf(DigiCert.allowedCaIds(requester, "ssl_plus")),
                "public and private TLS offer the same two CAs");
    }

    @Test
    void orderIssueDownloadReissueRevoke() throws Exception {
        String cn = "walk-" + DigiCert.hex(5) + ".internal.test";
        KeyPair key = Pki.rsa(2048);
        JsonObject body = DigiCert.order(DigiCert.certificate(cn, List.of("www." + cn),
                        Pki.csr(key, "SHA256withRSA", "CN=" + cn + ",O=certgate it,C=CN"), "sha256"), true)
                .add("disable_renewal_notifications", true).add("payment_method", "balance").build();

        // 1. order: issued at once, end-entity first in certificate_chain (Keyfactor picks it by common name)
        JsonObject placed = requester.order("private_ssl_plus", body).expect(201);
        long orderId = intId(placed, "id");
        long certId = intId(placed, "certificate_id");
        JsonArray chain = placed.getJsonArray("certificate_chain");
        assertTrue(chain.size() >= 2, "the end entity and its CA: " + placed);
        assertEquals(cn, chain.getJsonObject(0).getString("subject_common_name"));
        X509Certificate leaf = Pki.cert(chain.getJsonObject(0).getString("pem"));
        X509Certificate root = DigiCert.rootOf(leaf);
        List<X509Certificate> chainCerts = chain.stream().map(v -> Pki.cert(v.asJsonObject().getString("pem"))).toList();
        DigiCert.assertChain(chainCerts, root);
        Pki.verifyChain(leaf, root);
        assertArrayEquals(key.getPublic().getEncoded(), leaf.getPublicKey().getEncoded());
        assertEquals(cn, DigiCert.cn(leaf));
        assertEquals(DigiCert.set(cn, "www." + cn), DigiCert.dnsNames(leaf));
        assertEquals(DigiCert.authority(leaf).equals("RSA") ? "1.2.840.113549.1.1.11" : "1.2.840.10045.4.3.2",
                leaf.getSigAlgOID(), "signature_hash sha256 with the issuing CA's key");

        // 2. order info, as Lemur (status, certificate.id) and Keyfactor (the rest) read it
        JsonObject info = requester.orderInfo(orderId).expect(200);
        assertEquals(orderId, intId(info, "id"));
        assertEquals("issued", info.getString("status"));
        OffsetDateTime.parse(info.getString("date_created")); // RFC 3339
        JsonObject c = info.getJsonObject("certificate");
        assertEquals(certId, intId(c, "id"));
        assertEquals(cn, c.getString("common_name"));
        assertTrue(DigiCert.strings(c.getJsonArray("dns_names")).contains("www." + cn), c.toString());
        assertEquals(leaf.getSerialNumber(), new BigInteger(c.getString("serial_number"), 16), "hex serial");
        assertEquals(LocalDate.ofInstant(leaf.getNotBefore().toInstant(), ZoneOffset.UTC),
                LocalDate.parse(c.getString("valid_from")));
        assertEquals(LocalDate.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC),
                LocalDate.parse(c.getString("valid_till")));
        assertEquals("sha256", c.getString("signature_hash"));
        assertEquals(2048, c.getInt("key_size"));
        JsonObject caCert = c.getJsonObject("ca_cert");
        assertTrue(DigiCert.allowedCaIds(requester, "private_ssl_plus").contains(DigiCert.text(caCert.get("id"))),
                caCert.toString());
        assertFalse(caCert.getString("name").isBlank());
        assertEquals(-1, c.getJsonObject("server_platform").getInt("id"));
        JsonObject product = info.getJsonObject("product");
        assertEquals("private_ssl_plus", product.getString("name_id"));
        assertFalse(product.getString("name").isBlank());
        assertEquals("ssl_certificate", product.getString("type"));
        assertTrue(info.get("requests").getValueType() == JsonValue.ValueType.ARRAY);

        // 3. downloads, each asked with Accept: application/json as real clients do
        DigiCertClient.Reply pemAll = requester.download(certId, "pem_all");
        assertEquals(200, pemAll.status(), pemAll.describe());
        assertEquals("application/x-pem-file", pemAll.mediaType(), "DigiCert's glossary: pem_all");
        DigiCert.assertPemEndsCleanly(pemAll.text());
        List<X509Certificate> all = DigiCert.pemCertificates(pemAll.text());
        assertEquals(leaf, all.get(0), "end entity first (Lemur and the Ruby gem split on END CERTIFICATE)");
        assertEquals(root, all.get(all.size() - 1), "root last");
        DigiCert.assertChain(all, root);

        DigiCertClient.Reply noRoot = requester.download(certId, "pem_noroot");
        assertEquals(200, noRoot.status(), noRoot.describe());
        assertEquals("application/x-pem-file", noRoot.mediaType());
        DigiCert.assertPemEndsCleanly(noRoot.text());
        List<X509Certificate> withoutRoot = DigiCert.pemCertificates(noRoot.text());
        assertEquals(leaf, withoutRoot.get(0));
        assertFalse(withoutRoot.contains(root), "pem_noroot has no root");
        assertEquals(all.subList(0, all.size() - 1), withoutRoot, "pem_all without its root");

        DigiCertClient.Reply noIntermediate = requester.download(certId, "pem_nointermediate");
        assertEquals(200, noIntermediate.status(), noIntermediate.describe());
        DigiCert.assertPemEndsCleanly(noIntermediate.text());
        List<X509Certificate> withoutIntermediates = DigiCert.pemCertificates(noIntermediate.text());
        assertEquals(leaf, withoutIntermediates.get(0));
        for (X509Certificate x : withoutIntermediates.subList(1, withoutIntermediates.size())) {
            assertEquals(root, x, "only the end entity and the root");
        }

        DigiCertClient.Reply p7b = requester.download(certId, "p7b");
        assertEquals(200, p7b.status(), p7b.describe());
        assertEquals("application/x-pkcs7-certificates", p7b.mediaType(), "DigiCert's glossary: p7b");
        List<X509Certificate> bundle = DigiCert.pkcs7Certificates(p7b.body());
        assertTrue(bundle.contains(leaf), "p7b has the end entity");
        assertTrue(bundle.contains(root), "p7b has the root");

        DigiCertClient.Reply cer = requester.download(certId, "cer");
        assertEquals(200, cer.status(), cer.describe());
        assertNotEquals("application/json", cer.mediaType());
        assertTrue(certificatesOf(cer).contains(leaf), "cer carries the end entity");

        assertEquals(leaf, DigiCert.current(requester, orderId), "download by order: the order's certificate");

        // 4. the chain endpoint, as Keyfactor's gateway reads it (intermediates[0] is the certificate itself)
        JsonArray intermediates = requester.chain(certId).expect(200).getJsonArray("intermediates");
        assertFalse(intermediates.isEmpty());
        assertEquals(cn, intermediates.getJsonObject(0).getString("subject_common_name"));
        assertEquals(leaf, Pki.cert(intermediates.getJsonObject(0).getString("pem")));
        DigiCert.assertChain(intermediates.stream().map(v -> Pki.cert(v.asJsonObject().getString("pem"))).toList(),
                root);

        // 5. the order list, filtered like Lemur's source plugin
        JsonObject listed = requester.listOrders(Map.of("status", "issued", "common_name", cn), 0, 40).expect(200);
        assertTrue(orderIds(listed).contains(orderId), listed.toString());
        intId(listed.getJsonObject("page"), "total");

        // 6. reissue with a new key, names and validity
        String cn2 = "walk2-" + DigiCert.hex(5) + ".internal.test";
        KeyPair key2 = Pki.ec("secp256r1");
        JsonObject reissued = requester.reissue(orderId, Json.createObjectBuilder()
                .add("certificate", DigiCert.certificate(cn2, List.of("api." + cn2),
                                Pki.csr(key2, "SHA256withECDSA", "CN=" + cn2 + ",O=certgate it,C=CN"), "sha256")
                        .add("cert_validity", Json.createObjectBuilder().add("days", 90)))
                .add("comments", "key rotation").add("skip_approval", true).build()).expect(201);
        assertEquals(orderId, intId(reissued, "id"));
        long certId2 = intId(reissued, "certificate_id");
        assertNotEquals(certId, certId2);
        X509Certificate second = DigiCert.certificate(requester, certId2);
        Pki.verifyChain(second, DigiCert.rootOf(second));
        assertEquals(cn2, DigiCert.cn(second));
        assertEquals(DigiCert.set(cn2, "api." + cn2), DigiCert.dnsNames(second));
        assertArrayEquals(key2.getPublic().getEncoded(), second.getPublicKey().getEncoded());
        assertNotEquals(leaf.getSerialNumber(), second.getSerialNumber());
        DigiCert.assertValidDays(90, second);

        JsonObject afterReissue = requester.orderInfo(orderId).expect(200);
        assertEquals("issued", afterReissue.getString("status"));
        assertEquals(certId2, intId(afterReissue.getJsonObject("certificate"), "id"), "the reissue replaced it");
        assertEquals(cn2, afterReissue.getJsonObject("certificate").getString("common_name"));
        assertEquals(second, DigiCert.current(requester, orderId));

        // 7. the previous certificate stays valid until revoked
        assertEquals("good", DigiCert.ocsp(leaf));
        assertFalse(DigiCert.onCrl(leaf));

        // 8. revoke the reissued certificate (Keyfactor: revoke, then approve the revoke request)
        DigiCert.completeRevocation(requester.revokeCertificate(certId2, Json.createObjectBuilder()
                .add("comments", "key retired").build()), approver);
        assertEquals("revoked", DigiCert.ocsp(second));
        assertTrue(DigiCert.onCrl(second), "the revoked serial is on the CRL");
        assertEquals("good", DigiCert.ocsp(leaf), "revoking one certificate leaves the other");

        // 9. revoke the order: every certificate of it
        DigiCert.completeRevocation(requester.revokeOrder(orderId, Json.createObjectBuilder()
                .add("comments", "service retired").add("skip_approval", true).build()), approver);
        assertEquals("revoked", DigiCert.ocsp(leaf));
        assertTrue(DigiCert.onCrl(leaf));
        assertEquals("revoked", requester.orderInfo(orderId).expect(200).getString("status"));
    }

    @Test
    void lemurStyleOrderWithTheOlderValidityYears() {
        // Lemur's DigiCert issuer: top-level validity_years, an empty dns_names, then poll order info until issued
        String cn = "lemur-" + DigiCert.hex(5) + ".internal.test";
        JsonObject body = Json.createObjectBuilder()
                .add("certificate", Json.createObjectBuilder().add("common_name", cn).add("csr", Pki.rsaCsr(cn))
                        .add("signature_hash", "sha256").add("dns_names", Json.createArrayBuilder()))
                .add("validity_years", 1).add("skip_approval", true).build();
        long orderId = intId(requester.order("private_ssl_plus", body).expect(201), "id");
        JsonObject info = DigiCert.awaitOrder(requester, orderId, o -> "issued".equals(o.getString("status")));
        X509Certificate cert = DigiCert.certificate(requester, intId(info.getJsonObject("certificate"), "id"));
        long days = DigiCert.daysBetweenNowAnd(cert);
        assertTrue(days >= 363 && days <= 366, "validity_years 1: " + days + " days");
        assertEquals(DigiCert.set(cn), DigiCert.dnsNames(cert));
        assertEquals(cert, DigiCert.pemCertificates(requester.download(intId(info.getJsonObject("certificate"), "id"),
                "pem_all").text()).get(0));
    }

    @Test
    void pendingOrderIsApprovedByAnotherKeyNotByItsRequester() {
        String cn = "pending-" + DigiCert.hex(5) + ".internal.test";
        // a manager key places it: managers decide other people's requests, never their own
        DigiCertClient requester = DigiCert.newKey(org, "manager", null);
        JsonObject placed = requester.order("private_ssl_plus",
                DigiCert.order(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256"), false).build()).expect(201);
        long orderId = intId(placed, "id");
        assertFalse(placed.containsKey("certificate_id"), "nothing issued before approval: " + placed);
        assertFalse(placed.containsKey("certificate_chain"));
        JsonObject request = placed.getJsonArray("requests").getJsonObject(0);
        long requestId = intId(request, "id");
        assertEquals("pending", request.getString("status"));

        JsonObject info = requester.orderInfo(orderId).expect(200);
        assertTrue(DigiCert.AWAITING_APPROVAL.contains(info.getString("status")), info.getString("status"));
        assertEquals(requestId, intId(info.getJsonArray("requests").getJsonObject(0), "id"));
        assertNotEquals(200, requester.downloadByOrder(orderId, "pem_all").status(), "no certificate yet");

        JsonObject req = requester.request(requestId).expect(200);
        assertEquals(requestId, intId(req, "id"));
        assertEquals("pending", req.getString("status"));
        if (req.containsKey("order")) {
            assertEquals(orderId, intId(req.getJsonObject("order"), "id"));
        }
        assertTrue(requestIds(requester.listRequests("pending").expect(200)).contains(requestId));

        // separation of duties: the key that placed the request cannot approve it
        String code = requester.updateRequestStatus(requestId, "approved", "self").errorCode(403);
        assertTrue(code.startsWith("access_denied"), code);
        assertEquals("pending", requester.request(requestId).expect(200).getString("status"));

        approver.updateRequestStatus(requestId, "approved", "checked by the approver").expect(200, 204);
        assertEquals("approved", requester.request(requestId).expect(200).getString("status"));
        JsonObject issued = DigiCert.awaitOrder(requester, orderId, o -> "issued".equals(o.getString("status")));
        long certId = intId(issued.getJsonObject("certificate"), "id");
        X509Certificate cert = DigiCert.certificate(requester, certId);
        Pki.verifyChain(cert, DigiCert.rootOf(cert));
        assertEquals(cn, DigiCert.cn(cert));
        assertFalse(requestIds(requester.listRequests("pending").expect(200)).contains(requestId));

        int again = approver.updateRequestStatus(requestId, "approved", "twice").status();
        assertTrue(again >= 400 && again < 500, "an approved request cannot be decided again: " + again);
    }

    @Test
    void rejectedOrderNeverIssues() {
        String cn = "rejected-" + DigiCert.hex(5) + ".internal.test";
        JsonObject placed = requester.order("private_ssl_plus",
                DigiCert.order(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256"), false).build()).expect(201);
        long orderId = intId(placed, "id");
        long requestId = intId(placed.getJsonArray("requests").getJsonObject(0), "id");

        approver.updateRequestStatus(requestId, "rejected", "not ours").expect(200, 204);
        assertEquals("rejected", requester.request(requestId).expect(200).getString("status"));
        assertEquals("rejected", requester.orderInfo(orderId).expect(200).getString("status"));
        assertNotEquals(200, requester.downloadByOrder(orderId, "pem_all").status(), "no certificate");

        int late = approver.updateRequestStatus(requestId, "approved", "changed my mind").status();
        assertTrue(late >= 400 && late < 500, "a rejected request stays rejected: " + late);
        assertEquals("rejected", requester.orderInfo(orderId).expect(200).getString("status"));
    }

    @Test
    void duplicateAddsACertificateAndKeepsTheOrders() {
        String cn = "dup-" + DigiCert.hex(5) + ".internal.test";
        DigiCert.Issued original = DigiCert.issuePrivate(requester, cn, null, null, null);
        KeyPair key = Pki.ec("secp256r1");
        requester.duplicate(original.orderId(), Json.createObjectBuilder()
                .add("certificate", DigiCert.certificate(cn, List.of(cn),
                        Pki.csr(key, "SHA256withECDSA", "CN=" + cn + ",O=certgate it,C=CN"), "sha256"))
                .add("skip_approval", true).build()).expect(200, 201);

        X509Certificate duplicate = null;
        for (JsonValue v : requester.listDuplicates(original.orderId()).expect(200).getJsonArray("certificates")) {
            if (!v.asJsonObject().containsKey("id")) {
                continue; // still waiting: no certificate yet
            }
            X509Certificate x = DigiCert.certificate(requester, intId(v.asJsonObject(), "id"));
            if (java.util.Arrays.equals(key.getPublic().getEncoded(), x.getPublicKey().getEncoded())) {
                duplicate = x;
            }
        }
        assertTrue(duplicate != null, "the duplicate is listed");
        Pki.verifyChain(duplicate, DigiCert.rootOf(duplicate));
        assertEquals(cn, DigiCert.cn(duplicate));
        assertEquals(original.cert(), DigiCert.current(requester, original.orderId()),
                "the order's certificate is still the original");
        assertEquals(original.certificateId(),
                intId(requester.orderInfo(original.orderId()).expect(200).getJsonObject("certificate"), "id"));
        assertEquals("good", DigiCert.ocsp(original.cert()));
    }

    static java.util.Set<Long> orderIds(JsonObject list) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (JsonValue v : list.getJsonArray("orders")) {
            JsonObject o = v.asJsonObject();
            ids.add(intId(o, "id"));
            DigiCert.assertKnownStatus(o);
        }
        return ids;
    }

    static java.util.Set<Long> requestIds(JsonObject list) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (JsonValue v : list.getJsonArray("requests")) {
            ids.add(intId(v.asJsonObject(), "id"));
        }
        return ids;
    }

    /** The certificates of a "cer" download: a PKCS#7 bundle (DigiCert's glossary) or an X.509 certificate. */
    private static List<X509Certificate> certificatesOf(DigiCertClient.Reply r) {
        String text = r.text();
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            return DigiCert.pemCertificates(text);
        }
        try {
            return DigiCert.pkcs7Certificates(r.body());
        } catch (AssertionError notPkcs7) {
            try {
                return List.of((X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(r.body())));
            } catch (java.security.cert.CertificateException e) {
                throw new AssertionError("cer is neither PKCS#7 nor X.509: " + r.describe(), e);
            }
        }
    }
}
