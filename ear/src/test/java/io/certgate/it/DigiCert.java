package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Fixtures and checks for the DigiCert CertCentral tests: organizations and API keys (admin API), order bodies as
 * CertCentral documents them, and real checks of what comes back (PEM, PKCS#7, chains, CRL, OCSP).
 */
final class DigiCert {

    /** Every order status Keyfactor's CertCentral gateway understands; it throws on any other. */
    static final Set<String> KNOWN_ORDER_STATUSES = Set.of("issued", "approved", "expired", "processing",
            "reissue_pending", "pending", "waiting_pickup", "denied", "rejected", "canceled", "revoked",
            "needs_approval");
    /** An order waiting for an approver: CertCentral says needs_approval, the issue says pending. */
    static final Set<String> AWAITING_APPROVAL = Set.of("needs_approval", "pending");

    static final DateTimeFormatter CUSTOM_DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Map<String, X509Certificate> roots;
    private static final Map<String, Map<String, String>> caIds = new java.util.concurrent.ConcurrentHashMap<>();

    private DigiCert() {
    }

    // ---- organizations, keys, domains ------------------------------------------------------------------------

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A fresh organization id: tests are independent of each other. */
    static String newOrg() {
        return "dc" + hex(6);
    }

    /** A new API key of the organization (the admin API shows it once). */
    static DigiCertClient newKey(String org) {
        Http.Answer a = Admin.post("/admin/api/orgs/" + org + "/digicert-keys");
        assertEquals(201, a.status(), "admin API creates a DigiCert key: " + a.body());
        JsonObject o = a.json();
        assertEquals(org, o.getString("orgId"));
        assertFalse(o.getString("key").isBlank());
        return new DigiCertClient(o.getString("key"));
    }

    /**
     * A new API key with a role (admin, manager, user) and, when not null, the user behind it (CertCentral's keys
     * belong to a user and carry its role).
     */
    static DigiCertClient newKey(String org, String role, String user) {
        jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder().add("role", role);
        if (user != null) {
            b.add("user", user);
        }
        Http.Answer a = Admin.postJson("/admin/api/orgs/" + org + "/digicert-keys", b.build().toString());
        assertEquals(201, a.status(), "admin API creates a DigiCert key: " + a.body());
        assertEquals(role, a.json().getString("role"));
        return new DigiCertClient(a.json().getString("key"));
    }

    /** The organization requires (or not) a second person for approvals (admin API). */
    static void secondApprover(String org, boolean required) {
        Http.Answer a = Admin.putJson("/admin/api/orgs/" + org + "/digicert-policy",
                "{\"secondApprover\":" + required + "}");
        assertEquals(200, a.status(), "admin API sets the DigiCert policy: " + a.body());
        assertEquals(required, a.json().getBoolean("secondApprover"));
    }

    /** The operator marks a domain validated for the organization (admin API). */
    static void validateDomain(String org, String name) {
        Http.Answer a = Admin.post("/admin/api/orgs/" + org + "/domains/" + name + "/validate");
        assertTrue(a.status() >= 200 && a.status() < 300, "admin API validates " + name + ": " + a.status() + " "
                + a.body());
    }

    /** A fresh DNS name under example.test. */
    static String domain(String label) {
        return label + "-" + hex(5) + ".example.test";
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    /** {@code certificate{common_name, dns_names, csr, signature_hash, server_platform{id:-1}}}. */
    static JsonObjectBuilder certificate(String commonName, Collection<String> dnsNames, String csr, String hash) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (commonName != null) {
            b.add("common_name", commonName);
        }
        if (dnsNames != null) {
            b.add("dns_names", Json.createArrayBuilder(dnsNames));
        }
        return b.add("csr", csr).add("signature_hash", hash)
                .add("server_platform", Json.createObjectBuilder().add("id", -1));
    }

    /** An order body: the certificate, a one-year order validity, comments and skip_approval. */
    static JsonObjectBuilder order(JsonObjectBuilder certificate, boolean skipApproval) {
        return Json.createObjectBuilder().add("certificate", certificate)
                .add("order_validity", Json.createObjectBuilder().add("years", 1))
                .add("comments", "certgate integration test").add("skip_approval", skipApproval);
    }

    /** "dd MMM yyyy" with the month in capitals, as spec 003's example ("09 JUN 2021"). */
    static String customDate(LocalDate date) {
        return CUSTOM_DATE.format(date).toUpperCase(Locale.ROOT);
    }

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // ---- issuance ------------------------------------------------------------------------------------------

    /** An issued order: ids, the end-entity certificate, its key and the 201 answer. */
    record Issued(long orderId, long certificateId, X509Certificate cert, KeyPair key, JsonObject answer) {
    }

    /**
     * Orders {@code product} with skip_approval and returns the issued certificate. Private products issue at once;
     * others (code signing, client certificates) are approved by {@code approver} if they wait for approval.
     */
    static Issued issue(DigiCertClient client, DigiCertClient approver, String product, String commonName,
            Collection<String> dnsNames, KeyPair key, Consumer<JsonObjectBuilder> certTweak,
            Consumer<JsonObjectBuilder> orderTweak) {
        String csr = Pki.csr(key, key.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA",
                "CN=" + (commonName == null ? "certgate it" : commonName) + ",O=certgate it,C=CN");
        JsonObjectBuilder cert = certificate(commonName, dnsNames, csr, "sha256");
        if (certTweak != null) {
            certTweak.accept(cert);
        }
        JsonObjectBuilder body = order(cert, true);
        if (orderTweak != null) {
            orderTweak.accept(body);
        }
        JsonObject placed = client.order(product, body.build()).expect(201);
        long orderId = intId(placed, "id");
        long certificateId = placed.containsKey("certificate_id") ? intId(placed, "certificate_id")
                : awaitIssuedCertificateId(client, approver, orderId, placed);
        X509Certificate c = certificate(client, certificateId);
        assertArrayEquals(key.getPublic().getEncoded(), c.getPublicKey().getEncoded(), "the CSR's key is certified");
        return new Issued(orderId, certificateId, c, key, placed);
    }

    /** private_ssl_plus for {@code cn} (and {@code dnsNames}), RSA key, skip_approval. */
    static Issued issuePrivate(DigiCertClient client, String cn, Collection<String> dnsNames,
            Consumer<JsonObjectBuilder> certTweak, Consumer<JsonObjectBuilder> orderTweak) {
        return issue(client, null, "private_ssl_plus", cn, dnsNames, Pki.rsa(2048), certTweak, orderTweak);
    }

    /** Approves the order's pending requests with {@code approver}, then waits until the order is issued. */
    static long awaitIssuedCertificateId(DigiCertClient client, DigiCertClient approver, long orderId,
            JsonObject placed) {
        if (approver != null && placed.containsKey("requests")) {
            for (JsonValue v : placed.getJsonArray("requests")) {
                JsonObject r = v.asJsonObject();
                if (!r.containsKey("status") || "pending".equals(r.getString("status"))) {
                    approver.updateRequestStatus(intId(r, "id"), "approved", "approved by the test's approver")
                            .expect(200, 204);
                }
            }
        }
        JsonObject info = awaitOrder(client, orderId, o -> "issued".equals(o.getString("status", "")));
        return intId(info.getJsonObject("certificate"), "id");
    }

    /** Polls order info (30 s at most) until {@code done} holds, and returns the last answer. */
    static JsonObject awaitOrder(DigiCertClient client, long orderId, Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject info;
        do {
            info = client.orderInfo(orderId).expect(200);
            assertKnownStatus(info);
            if (done.test(info)) {
                return info;
            }
            sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("order " + orderId + " did not reach the expected state: " + info);
    }

    static void assertKnownStatus(JsonObject orderInfo) {
        String status = orderInfo.getString("status");
        assertTrue(KNOWN_ORDER_STATUSES.contains(status), "order status '" + status + "' is one real clients know");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The end-entity certificate of {@code certificateId}, from the pem_all download. */
    static X509Certificate certificate(DigiCertClient client, long certificateId) {
        DigiCertClient.Reply r = client.download(certificateId, "pem_all");
        assertEquals(200, r.status(), r.describe());
        return pemCertificates(r.text()).get(0);
    }

    /** The order's current certificate, from the download by order. */
    static X509Certificate current(DigiCertClient client, long orderId) {
        DigiCertClient.Reply r = client.downloadByOrder(orderId, "pem_all");
        assertEquals(200, r.status(), r.describe());
        return pemCertificates(r.text()).get(0);
    }

    /** The approver completes a revocation answered by a pending revoke request (201); 204 is already done. */
    static void completeRevocation(DigiCertClient.Reply revoke, DigiCertClient approver) {
        JsonObject r = revoke.expect(201, 204);
        if (revoke.status() == 204) {
            return;
        }
        intId(r, "id");
        assertEquals("revoke", r.getString("type"), revoke.describe());
        if ("pending".equals(r.getString("status", ""))) {
            approver.updateRequestStatus(intId(r, "id"), "approved", "revocation approved").expect(200, 204);
        }
    }

    // ---- JSON ----------------------------------------------------------------------------------------------

    /** A member that must be a JSON integer (CertCentral ids are integers). */
    static long intId(JsonObject o, String member) {
        JsonValue v = o.get(member);
        assertNotNull(v, "member " + member + " in " + o);
        assertEquals(JsonValue.ValueType.NUMBER, v.getValueType(), member + " is a JSON number in " + o);
        JsonNumber n = (JsonNumber) v;
        assertTrue(n.isIntegral(), member + " is an integer in " + o);
        return n.longValueExact();
    }

    /** A string or a number as text (ca_cert.id is a string at DigiCert, other ids are integers). */
    static String text(JsonValue v) {
        assertNotNull(v);
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> v.toString();
            default -> fail("not a string or a number: " + v);
        };
    }

    static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : a) {
            out.add(((JsonString) v).getString());
        }
        return out;
    }

    // ---- CAs ------------------------------------------------------------------------------------------------

    static Map<String, X509Certificate> roots() {
        if (roots == null) {
            roots = Map.of("RSA", Pki.root("RSA"), "ECC", Pki.root("ECC"));
        }
        return roots;
    }

    /** "RSA" or "ECC": the root that issued {@code cert}. */
    /** RSA or ECC: the root above the certificate's issuing CA (from its AIA). */
    static String authority(X509Certificate cert) {
        X509Certificate issuing = Pki.issuerOf(cert);
        for (Map.Entry<String, X509Certificate> e : roots().entrySet()) {
            if (e.getValue().getSubjectX500Principal().equals(issuing.getIssuerX500Principal())) {
                return e.getKey();
            }
        }
        throw new AssertionError("issued under neither certgate root: " + cert.getIssuerX500Principal());
    }

    static X509Certificate rootOf(X509Certificate cert) {
        return roots().get(authority(cert));
    }

    /** The allowed_ca_certs ids of a product in {@code GET /product}. */
    static List<String> allowedCaIds(DigiCertClient client, String product) {
        JsonObject p = product(client, product);
        JsonArray cas = p.getJsonArray("allowed_ca_certs");
        assertNotNull(cas, "allowed_ca_certs of " + product + ": " + p);
        List<String> ids = new ArrayList<>();
        for (JsonValue v : cas) {
            JsonObject ca = v.asJsonObject();
            ids.add(text(ca.get("id")));
            assertFalse(ca.getString("name").isBlank(), "a CA name: " + ca);
        }
        return ids;
    }

    static JsonObject product(DigiCertClient client, String nameId) {
        for (JsonValue v : client.products().expect(200).getJsonArray("products")) {
            if (nameId.equals(v.asJsonObject().getString("name_id"))) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("product " + nameId + " not in GET /product");
    }

    /**
     * {"RSA": ca_cert_id, "ECC": ca_cert_id}: which of private_ssl_plus's allowed CAs is which, found by issuing with
     * each and looking at the issuer (the names are free text). The CAs are the key's organization's issuing CAs, so
     * the answer is kept per organization.
     */
    static Map<String, String> caIds(DigiCertClient client) {
        String org = client.organizations().expect(200).getJsonArray("organizations").getJsonObject(0)
                .getString("name");
        Map<String, String> known = caIds.get(org);
        if (known == null) {
            Map<String, String> found = new TreeMap<>();
            for (String id : allowedCaIds(client, "private_ssl_plus")) {
                Issued i = issuePrivate(client, "ca-probe-" + hex(4) + ".internal.test", null,
                        c -> c.add("ca_cert_id", id), null);
                String previous = found.put(authority(i.cert()), id);
                assertEquals(null, previous, "two allowed CAs issue under the same root");
            }
            assertEquals(Set.of("RSA", "ECC"), found.keySet(), "one RSA and one ECC CA");
            known = Map.copyOf(found);
            caIds.put(org, known);
        }
        return known;
    }

    // ---- certificates --------------------------------------------------------------------------------------

    /** Every certificate of a PEM bundle, in order (\n or \r\n line breaks). */
    static List<X509Certificate> pemCertificates(String pem) {
        assertTrue(pem.contains("-----BEGIN CERTIFICATE-----"), "PEM: " + pem);
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            assertEquals(count(pem, "-----BEGIN CERTIFICATE-----"), out.size(), "every PEM block parses");
            return out;
        } catch (java.security.cert.CertificateException e) {
            throw new AssertionError("not PEM certificates: " + pem, e);
        }
    }

    /** The certificates of a PKCS#7 (p7b) answer, PEM-armoured (any label) or DER, parsed by BouncyCastle CMS. */
    static List<X509Certificate> pkcs7Certificates(byte[] body) {
        byte[] der = body;
        String text = new String(body, StandardCharsets.US_ASCII);
        if (text.startsWith("-----BEGIN")) {
            String b64 = text.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s", "");
            der = Base64.getDecoder().decode(b64);
        }
        try {
            CMSSignedData cms = new CMSSignedData(der);
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            List<X509Certificate> out = new ArrayList<>();
            for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
                out.add(conv.getCertificate(h));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("not a PKCS#7 certificate bundle", e);
        }
    }

    /** PEM bodies end right after the last END line: at most one line break follows. */
    static void assertPemEndsCleanly(String pem) {
        String end = "-----END CERTIFICATE-----";
        assertTrue(pem.endsWith(end) || pem.endsWith(end + "\n") || pem.endsWith(end + "\r\n"),
                "nothing after the last END line but one line break: " + pem.substring(Math.max(0, pem.length() - 60)));
    }

    /** {@code chain.get(0)} is the end entity, each next one signed the previous, and the root signed the last. */
    static void assertChain(List<X509Certificate> chain, X509Certificate root) {
        assertFalse(chain.isEmpty());
        assertEquals(-1, chain.get(0).getBasicConstraints(), "end-entity first");
        try {
            for (int i = 0; i + 1 < chain.size(); i++) {
                assertTrue(chain.get(i + 1).getBasicConstraints() >= 0, "CA certificates after the end entity");
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            }
            X509Certificate last = chain.get(chain.size() - 1);
            if (!last.equals(root)) {
                last.verify(root.getPublicKey());
            }
        } catch (Exception e) {
            throw new AssertionError("the chain does not link up to the root: " + e, e);
        }
    }

    /** The extended key usages (empty when the extension is absent). */
    static List<String> eku(X509Certificate cert) {
        try {
            List<String> e = cert.getExtendedKeyUsage();
            return e == null ? List.of() : e;
        } catch (java.security.cert.CertificateParsingException e) {
            throw new AssertionError(e);
        }
    }

    static String cn(X509Certificate cert) {
        RDN[] rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
    }

    static X500Name subject(X509Certificate cert) {
        return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    }

    static Set<String> dnsNames(X509Certificate cert) {
        return sans(cert, 2);
    }

    static Set<String> emails(X509Certificate cert) {
        return sans(cert, 1);
    }

    private static Set<String> sans(X509Certificate cert, int type) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> san : all) {
                    if (((Integer) san.get(0)) == type) {
                        out.add(san.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    static Set<String> set(String... names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** notAfter is {@code days} days from now (within a day: servers may round to whole days). */
    static void assertValidDays(long days, X509Certificate cert) {
        Instant expected = Instant.now().plus(Duration.ofDays(days));
        long hours = Math.abs(Duration.between(expected, cert.getNotAfter().toInstant()).toHours());
        assertTrue(hours <= 26, "notAfter " + cert.getNotAfter().toInstant() + " is " + days + " days from now (off by "
                + hours + " h)");
        assertTrue(cert.getNotBefore().toInstant().isBefore(Instant.now().plusSeconds(300)), "valid from now");
    }

    /** The certificate expires on {@code date} (the calendar day, whatever the server's time of day and zone). */
    static void assertExpiresOn(LocalDate date, X509Certificate cert) {
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofHours(14));
        Instant to = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(14));
        assertTrue(!notAfter.isBefore(from) && !notAfter.isAfter(to), "notAfter " + notAfter + " falls on " + date);
    }

    static long daysBetweenNowAnd(X509Certificate cert) {
        return Duration.between(Instant.now(), cert.getNotAfter().toInstant()).toDays();
    }

    // ---- revocation ----------------------------------------------------------------------------------------

    /** The certificate's serial on its issuing CA's CRL (its distribution point; signature checked). */
    static boolean onCrl(X509Certificate cert) {
        return Pki.crlOf(cert).getRevokedCertificate(cert.getSerialNumber()) != null;
    }

    /** "good", "revoked" or "unknown" from {@code openssl ocsp} against the responder, signature verified. */
    static String ocsp(X509Certificate cert) {
        try {
            return OcspAndMutualTlsIT.opensslOcsp(rootOf(cert), cert);
        } catch (Exception e) {
            throw new AssertionError("openssl ocsp: " + e, e);
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
