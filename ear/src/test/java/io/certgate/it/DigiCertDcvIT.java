package io.certgate.it;

import static io.certgate.it.DigiCert.intId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.certgate.ejb.enrollment.dcv.LoopbackDns;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Domain control validation over loopback, as CertCentral documents it: an order for a domain the organization has
 * not validated waits with a {@code dcv_random_value}; {@code PUT /order/certificate/{id}/check-dcv} looks for it at
 * {@code http://{domain}/.well-known/pki-validation/fileauth.txt} (http-token) or in the TXT record of
 * {@code _dnsauth.{domain}} (dns-txt-token). The test server resolves through the DNS server on 127.0.0.1:15353 (every
 * name answers A 127.0.0.1) and fetches http-token files on port 18080: this class owns both ports, so every DCV test
 * lives here.
 */
class DigiCertDcvIT {

    private static final int DNS_PORT = 15353;
    private static final int HTTP_PORT = 18080;
    private static final String FILEAUTH = "/.well-known/pki-validation/fileauth.txt";

    private static LoopbackDns dns;
    private static HttpServer web;
    /** host -> the content of its fileauth.txt. */
    private static final Map<String, String> files = new ConcurrentHashMap<>();
    /** Hosts whose fileauth.txt the server fetched. */
    private static final Set<String> fetched = ConcurrentHashMap.newKeySet();

    private static String org;
    private static DigiCertClient requester;
    private static DigiCertClient approver;

    @BeforeAll
    static void loopback() throws Exception {
        dns = LoopbackDns.start(DNS_PORT);
        web = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), HTTP_PORT), 0);
        web.createContext(FILEAUTH, exchange -> {
            String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host")).replaceFirst(":\\d+$", "")
                    .toLowerCase(Locale.ROOT);
            fetched.add(host);
            String body = files.get(host);
            byte[] bytes = (body == null ? "not here" : body).getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        web.start();
        org = DigiCert.newOrg();
        requester = DigiCert.newKey(org);
        approver = DigiCert.newKey(org);
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) {
            web.stop(0);
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void httpTokenValidatesTheDomainAndTheOrderIssues() {
        String domain = DigiCert.domain("dcv-http");
        JsonObject placed = requester.order("ssl_plus", DigiCert.order(DigiCert.certificate(domain, null,
                Pki.rsaCsr(domain), "sha256"), true).add("dcv_method", "http-token").build()).expect(201);
        long orderId = intId(placed, "id");
        String token = placed.getString("dcv_random_value", "");
        assertFalse(token.isBlank(), "a dcv_random_value for http-token: " + placed);
        assertFalse(placed.containsKey("certificate_chain"), "nothing issued before DCV");
        assertEquals("pending", requester.orderInfo(orderId).expect(200).getString("status"));
        assertNotEquals(200, requester.downloadByOrder(orderId, "pem_all").status());

        // before the file is there, and with a wrong value: CertCentral's documented error
        assertEquals("file_random_value_not_found", requester.checkDcv(orderId).errorCode(400));
        files.put(domain, "some-other-value");
        assertEquals("file_random_value_not_found", requester.checkDcv(orderId).errorCode(400));
        assertTrue(fetched.contains(domain), "the server fetched http://" + domain + ":" + HTTP_PORT + FILEAUTH);
        assertEquals("pending", requester.orderInfo(orderId).expect(200).getString("status"));

        files.put(domain, token);
        JsonObject checked = requester.checkDcv(orderId).expect(200);
        assertEquals("valid", checked.getString("dcv_status"), checked.toString());

        X509Certificate cert = issuedCertificate(orderId);
        assertEquals(DigiCert.set(domain), DigiCert.dnsNames(cert));
        assertEquals(domain, DigiCert.cn(cert));
        Pki.verifyChain(cert, DigiCert.rootOf(cert));

        // the domain is now validated for this organization: a new order issues at once
        JsonObject again = requester.order("ssl_plus", DigiCert.order(DigiCert.certificate(domain, null,
                Pki.rsaCsr(domain), "sha256"), true).build()).expect(201);
        intId(again, "certificate_id");
        assertTrue(domainNames(requester).contains(domain), "GET /domain lists it");

        // ... for this organization only
        DigiCertClient stranger = DigiCert.newKey(DigiCert.newOrg());
        JsonObject theirs = stranger.order("ssl_plus", DigiCert.order(DigiCert.certificate(domain, null,
                Pki.rsaCsr(domain), "sha256"), true).add("dcv_method", "http-token").build()).expect(201);
        assertFalse(theirs.containsKey("certificate_chain"), "another organization must show control itself");
        // its order put the domain on its list, pending: validated only for the organization that showed control
        for (JsonValue v : stranger.domains().expect(200).getJsonArray("domains")) {
            if (domain.equalsIgnoreCase(v.asJsonObject().getString("name"))) {
                assertEquals("pending", v.asJsonObject().getString("dcv_status"), "not validated for the stranger");
            }
        }
        assertNotEquals(token, theirs.getString("dcv_random_value", ""), "its own random value");
    }

    @Test
    void dnsTxtTokenMustCoverEveryDomainOfTheOrder() throws Exception {
        String first = DigiCert.domain("dcv-txt-a");
        String second = DigiCert.domain("dcv-txt-b");
        JsonObject placed = requester.order("ssl_multi_domain", DigiCert.order(DigiCert.certificate(first,
                List.of(second), Pki.rsaCsr(first), "sha256"), false).add("dcv_method", "dns-txt-token").build())
                .expect(201);
        long orderId = intId(placed, "id");
        String token = placed.getString("dcv_random_value", "");
        assertFalse(token.isBlank(), "a dcv_random_value for dns-txt-token: " + placed);
        long requestId = intId(placed.getJsonArray("requests").getJsonObject(0), "id");

        assertDcvNotValid(requester.checkDcv(orderId));
        dns.txt("_dnsauth." + first, token);
        assertDcvNotValid(requester.checkDcv(orderId)); // the second domain is not shown yet

        // approval alone does not issue a public certificate
        approver.updateRequestStatus(requestId, "approved", "approved before DCV").expect(200, 204);
        assertNotEquals(200, requester.downloadByOrder(orderId, "pem_all").status(), "still waiting for DCV");

        dns.txt("_dnsauth." + second, "v=spf1 -all", token); // among other TXT values
        JsonObject checked = requester.checkDcv(orderId).expect(200);
        assertEquals("valid", checked.getString("dcv_status"), checked.toString());

        X509Certificate cert = issuedCertificate(orderId);
        assertEquals(DigiCert.set(first, second), DigiCert.dnsNames(cert));
        Pki.verifyChain(cert, DigiCert.rootOf(cert));
    }

    @Test
    void reissueWithANewDomainWaitsForItsDcv() {
        String base = DigiCert.domain("dcv-base");
        DigiCert.validateDomain(org, base);
        DigiCert.Issued o = DigiCert.issue(requester, approver, "ssl_multi_domain", base, null, Pki.rsa(2048), null,
                null);
        String added = DigiCert.domain("dcv-added");

        JsonObject answer = requester.reissue(o.orderId(), Json.createObjectBuilder()
                .add("certificate", DigiCert.certificate(base, List.of(added), Pki.rsaCsr(base), "sha256"))
                .add("dcv_method", "http-token").add("skip_approval", true).build()).expect(201);
        String token = answer.getString("dcv_random_value", "");
        assertFalse(token.isBlank(), "003: dcv_random_value for token DCV methods: " + answer);
        assertEquals(o.cert(), DigiCert.current(requester, o.orderId()), "the order keeps its certificate meanwhile");

        assertEquals("file_random_value_not_found", requester.checkDcv(o.orderId()).errorCode(400));
        files.put(added, token);
        assertEquals("valid", requester.checkDcv(o.orderId()).expect(200).getString("dcv_status"));

        X509Certificate now = awaitCertificateWith(o.orderId(), added);
        assertEquals(DigiCert.set(base, added), DigiCert.dnsNames(now));
        Pki.verifyChain(now, DigiCert.rootOf(now));
        assertEquals("good", DigiCert.ocsp(o.cert()), "the previous certificate stays valid");
    }

    @Test
    void aDomainValidatedOnItsOwnLetsItsWaitingOrderIssue() throws Exception {
        String domain = DigiCert.domain("dcv-domain");
        JsonObject placed = requester.order("ssl_plus", DigiCert.order(DigiCert.certificate(domain, null,
                Pki.rsaCsr(domain), "sha256"), true).build()).expect(201);
        long orderId = intId(placed, "id");
        long domainId = -1;
        for (JsonValue v : requester.domains().expect(200).getJsonArray("domains")) {
            if (domain.equals(v.asJsonObject().getString("name"))) {
                domainId = intId(v.asJsonObject(), "id");
                assertEquals("pending", v.asJsonObject().getString("dcv_status"));
            }
        }
        assertTrue(domainId > 0, "the order put its domain on the list");
        JsonObject method = requester.send("PUT", "/domain/" + domainId + "/dcv/method",
                Json.createObjectBuilder().add("dcv_method", "dns-txt-token").build()).expect(200);
        String token = method.getJsonObject("dcv_token").getString("token");
        assertEquals("invalid_dns_txt", requester.send("PUT", "/domain/" + domainId + "/dcv/validate-token",
                Json.createObjectBuilder().build()).errorCode(400), "not published yet");
        dns.txt("_dnsauth." + domain, token);
        assertEquals("valid", requester.send("PUT", "/domain/" + domainId + "/dcv/validate-token",
                Json.createObjectBuilder().build()).expect(200).getString("dcv_status"));
        X509Certificate cert = issuedCertificate(orderId);
        assertEquals(DigiCert.set(domain), DigiCert.dnsNames(cert), "the waiting order issued");
        // another organization's key does not see this domain
        assertEquals(404, DigiCert.newKey(DigiCert.newOrg()).send("PUT", "/domain/" + domainId + "/dcv/validate-token",
                Json.createObjectBuilder().build()).status());
    }

    /** CertCentral answers 400 invalid_dns_txt (older page) or dns_name_validations not all approved (newer page). */
    private static void assertDcvNotValid(DigiCertClient.Reply r) {
        if (r.status() == 400) {
            assertEquals("invalid_dns_txt", r.errorCode(400));
        } else {
            JsonObject o = r.expect(200);
            assertNotEquals("valid", o.getString("dcv_status", ""), o.toString());
            assertNotEquals("issued", o.getString("order_status", ""), o.toString());
        }
    }

    private static X509Certificate issuedCertificate(long orderId) {
        JsonObject info = DigiCert.awaitOrder(requester, orderId, o -> "issued".equals(o.getString("status")));
        return DigiCert.certificate(requester, intId(info.getJsonObject("certificate"), "id"));
    }

    private static X509Certificate awaitCertificateWith(long orderId, String name) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        X509Certificate c;
        do {
            c = DigiCert.current(requester, orderId);
            if (DigiCert.dnsNames(c).contains(name)) {
                return c;
            }
            DigiCert.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("order " + orderId + " never got a certificate for " + name);
    }

    private static Set<String> domainNames(DigiCertClient client) {
        Set<String> names = new java.util.HashSet<>();
        for (JsonValue v : client.domains().expect(200).getJsonArray("domains")) {
            names.add(v.asJsonObject().getString("name").toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
