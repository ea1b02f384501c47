package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics at /metrics: certgate's counters by authority and facade, counted once per committed change
 * (exact differences between two scrapes around a few requests), its histograms, the gauges against the roots
 * and the CRLs the server publishes, refusals and failed authentications of every facade; and the OpenAPI
 * document of the REST APIs. The integration tests run one at a time, so nothing else counts in between.
 */
class ObservabilityIT {

    static final String ISSUED = "certgate_certificates_issued_total";
    static final String RENEWED = "certgate_certificates_renewed_total";
    static final String REVOKED = "certgate_certificates_revoked_total";
    static final String SIGNING_COUNT = "certgate_signing_seconds_count";
    static final String ISSUANCE_COUNT = "certgate_issuance_seconds_count";
    static final String REFUSALS = "certgate_refusals_total";
    static final String AUTHENTICATION_FAILURES = "certgate_authentication_failures_total";
    static final String EXPIRING = "certgate_certificates_expiring";

    private static final HttpClient HTTPS = HttpClient.newBuilder().sslContext(RaAccount.tls(null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void clientCertificatesAreTrusted() {
        RaAccount.awaitClientCertificateTrust();
    }

    @Test
    void issuesRenewalsAndRevocationsCountOncePerCommitByAuthorityAndFacade() {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        SymantecWire ra = SymantecWire.form(RaAccount.AUTO);
        Map<String, String> firstEnroll = SymantecParityIT.server();
        Metrics before = Metrics.scrape();

        JsonObject rsa = Enos.apply(id, Pki.rsaCsr("metrics-rsa"), null, "RSA");
        JsonObject ecc = Enos.apply(id, Pki.ecCsr("metrics-ecc"), null, "ECC");
        JsonObject renewed = Enos.ok(Enos.cert("renew", id, Json.createObjectBuilder()
                .add("certSn", rsa.getString("certSN")).build())).getJsonObject("data");
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", ecc.getString("certSN")).build()));
        Enos.error(Enos.cert("apply", id, Json.createObjectBuilder().add("csr", Pki.rsaCsr("metrics-refused"))
                .add("validDay", 0).build()), 99400, null); // refused: nothing issued, nothing counted
        assertEquals(200, estEnroll(device, device.getString("deviceSecret"), Pki.rsaCsr(device.getString("deviceKey"))),
                "EST simpleenroll");
        SymantecWire.Answer enrolled = ra.call("enroll", firstEnroll);
        assertTrue(enrolled.ok(), enrolled.toString());
        SymantecWire.Answer renewal = ra.call("renew", SymantecParityIT.with(SymantecParityIT.server(),
                "original_transaction_id", enrolled.transactionId(), "original_challenge", "first-challenge"));
        assertTrue(renewal.ok(), renewal.toString());
        Http.Answer revokedByOperator = Admin.postJson("/admin/api/orgs/" + org + "/certificates/"
                + renewed.getString("certSN") + "/revoke", "{\"reason\":\"superseded\"}");
        assertEquals(200, revokedByOperator.status(), revokedByOperator.body());

        Metrics after = Metrics.scrape();
        String all = after.certgateLines();
        assertEquals(1, after.since(before, ISSUED, "authority", "RSA", "facade", "enos"), all);
        assertEquals(1, after.since(before, ISSUED, "authority", "ECC", "facade", "enos"), all);
        assertEquals(1, after.since(before, RENEWED, "authority", "RSA", "facade", "enos"), "renewals apart: " + all);
        assertEquals(0, after.since(before, RENEWED, "authority", "ECC", "facade", "enos"), all);
        assertEquals(1, after.since(before, REVOKED, "authority", "ECC", "facade", "enos"), all);
        assertEquals(0, after.since(before, REVOKED, "authority", "RSA", "facade", "enos"), all);
        assertEquals(1, after.since(before, ISSUED, "authority", "RSA", "facade", "est"), all);
        assertEquals(1, after.since(before, ISSUED, "authority", "RSA", "facade", "certmanager"), all);
        assertEquals(1, after.since(before, RENEWED, "authority", "RSA", "facade", "certmanager"),
                "a CertManager renew is a renewal: " + all);
        assertEquals(1, after.since(before, REVOKED, "authority", "RSA", "facade", "admin"), all);

        // the histograms: one signature and one whole issuance per certificate
        assertEquals(5, after.since(before, SIGNING_COUNT, "authority", "RSA"), all);
        assertEquals(1, after.since(before, SIGNING_COUNT, "authority", "ECC"), all);
        assertEquals(2, after.since(before, ISSUANCE_COUNT, "authority", "RSA", "facade", "enos"), all);
        assertEquals(1, after.since(before, ISSUANCE_COUNT, "authority", "ECC", "facade", "enos"), all);
        assertEquals(1, after.since(before, ISSUANCE_COUNT, "authority", "RSA", "facade", "est"), all);
        assertEquals(2, after.since(before, ISSUANCE_COUNT, "authority", "RSA", "facade", "certmanager"), all);
        assertEquals(5, after.since(before, "certgate_signing_seconds_bucket", "authority", "RSA", "le", "+Inf"), all);
        assertTrue(after.has("certgate_signing_seconds_bucket", "authority", "RSA", "le", "0.01"),
                "the configured buckets: " + all);
        assertTrue(after.value("certgate_signing_seconds_sum", "authority", "RSA")
                > before.value("certgate_signing_seconds_sum", "authority", "RSA"), "signing takes some time");
        assertTrue(after.has("certgate_issuance_seconds_bucket", "authority", "RSA", "facade", "enos", "le", "0.1"), all);
    }

    @Test
    void refusalsCountByFacadeAndCodeAndFailedAuthenticationsByFacade() {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        DigiCertClient digicert = DigiCert.newKey(org);
        SymantecWire ra = SymantecWire.form(RaAccount.AUTO);
        SymantecWire noCertificate = SymantecWire.form(null);
        String unknownTransaction = "0123456789abcdef0123456789abcdef";
        Metrics before = Metrics.scrape();

        Enos.error(Enos.cert("apply", id, Json.createObjectBuilder().add("csr", Pki.rsaCsr("refused"))
                .add("validDay", 0).build()), 99400, null);
        Http.Answer badToken = Http.get("/connect-service/v2.0/certificates?action=list&" + id,
                Map.of("Authorization", "Bearer not-a-token"));
        assertEquals(401, badToken.status(), badToken.body());
        assertEquals(1203, badToken.json().getInt("code"));
        assertEquals("0x05", ra.call("pickup", Map.of("transaction_id", unknownTransaction)).statusCode());
        SymantecWire.Answer anonymous = noCertificate.call("pickup", Map.of("transaction_id", unknownTransaction));
        assertEquals("0x10", anonymous.statusCode());
        assertEquals(404, digicert.orderInfo(999_999_999L).status());
        assertEquals(401, new DigiCertClient("not-a-key").orderInfo(1).status());
        assertEquals(401, estEnroll(device, "wrong-secret", Pki.rsaCsr(device.getString("deviceKey"))));
        // the first half of a normal exchange: challenged without a credential, an empty 401, no failed authentication
        Http.Answer challenged = Http.send(HTTPS, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS
                + "/.well-known/est/" + device.getString("productKey") + "/simpleenroll"))
                .header("Content-Type", "application/pkcs10").POST(HttpRequest.BodyPublishers.ofString("MIIB")));
        assertEquals(401, challenged.status());
        assertEquals("", challenged.body(), "EST's 401 has no body (BouncyCastle's EST client reads none)");
        assertEquals(400, Http.get("/scep/" + device.getString("productKey") + "?operation=Nonsense").status());
        assertEquals(404, Admin.get("/admin/api/orgs/" + org + "/certificates/999999999").status());
        assertEquals(401, Admin.getAs(Admin.basic("admin", "wrong-password"), "/admin/api/stats").status());

        Metrics after = Metrics.scrape();
        String all = after.certgateLines();
        assertEquals(1, after.since(before, REFUSALS, "facade", "enos", "code", "99400"), all);
        assertEquals(1, after.since(before, REFUSALS, "facade", "enos", "code", "1203"), all);
        assertEquals(1, after.since(before, REFUSALS, "facade", "certmanager", "code", "0x05"), all);
        assertEquals(1, after.since(before, REFUSALS, "facade", "certmanager", "code", "0x10"), all);
        assertEquals(1, after.since(before, REFUSALS, "facade", "digicert", "code", "not_found|order"), all);
        assertEquals(1, after.since(before, REFUSALS, "facade", "digicert", "code", "access_denied|invalid_api_key"), all);
        assertEquals(2, after.since(before, REFUSALS, "facade", "est", "code", "401"), all);
        assertEquals(1, after.since(before, REFUSALS, "facade", "scep", "code", "400"), all);
        assertEquals(1, after.since(before, REFUSALS, "facade", "admin", "code", "not_found"), all);

        assertEquals(1, after.since(before, AUTHENTICATION_FAILURES, "facade", "enos"), all);
        assertEquals(1, after.since(before, AUTHENTICATION_FAILURES, "facade", "certmanager"), all);
        assertEquals(1, after.since(before, AUTHENTICATION_FAILURES, "facade", "digicert"), all);
        assertEquals(1, after.since(before, AUTHENTICATION_FAILURES, "facade", "est"), "only the wrong secret: " + all);
        assertEquals(1, after.since(before, AUTHENTICATION_FAILURES, "facade", "admin"), all);
        assertEquals(0, after.since(before, AUTHENTICATION_FAILURES, "facade", "scep"), all);

        for (String facade : new String[] {"enos", "est", "certmanager", "digicert"}) {
            assertEquals(0, after.since(before, ISSUED, "authority", "RSA", "facade", facade), "refused: " + facade);
        }
    }

    @Test
    void gaugesAreTheRootsNotAfterAndThePublishedCrlsNextUpdate() {
        for (String authority : new String[] {"RSA", "ECC"}) {
            X509Certificate root = Pki.root(authority);
            X509CRL crl = Pki.crl(Http.get("/enos/CA/crl/" + authority).bytes());
            Metrics m = Metrics.scrape();
            assertEquals(root.getNotAfter().getTime() / 1000,
                    m.value("certgate_ca_not_after_timestamp_seconds", "authority", authority), m.certgateLines());
            assertEquals(crl.getNextUpdate().getTime() / 1000,
                    m.value("certgate_crl_next_update_timestamp_seconds", "authority", authority), m.certgateLines());
        }
    }

    @Test
    void expiringCountsTheCertificatesEndingWithinTheWidestThresholdUntilRevoked() {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        Metrics before = Metrics.scrape();
        JsonObject shortLived = Enos.apply(id, Pki.rsaCsr("expiring-soon"), 1, "RSA");
        Enos.apply(id, Pki.rsaCsr("expiring-late"), 365, "RSA"); // beyond the test server's widest threshold (2 days)
        Metrics issued = Metrics.scrape();
        assertEquals(1, issued.since(before, EXPIRING, "authority", "RSA"), issued.certgateLines());
        assertEquals(0, issued.since(before, EXPIRING, "authority", "ECC"), issued.certgateLines());
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", shortLived.getString("certSN")).build()));
        Metrics revoked = Metrics.scrape();
        assertEquals(0, revoked.since(before, EXPIRING, "authority", "RSA"), "a revoked certificate is not about to expire");
    }

    /** EST simpleenroll over HTTPS with HTTP Basic as the device (label: its productKey): the status. */
    static int estEnroll(JsonObject device, String secret, String csrPem) {
        String b64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String basic = Base64.getEncoder().encodeToString((device.getString("deviceKey") + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return Http.send(HTTPS, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/.well-known/est/"
                + device.getString("productKey") + "/simpleenroll")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/pkcs10").POST(HttpRequest.BodyPublishers.ofString(b64))).status();
    }

    @Test
    void openApiDescribesTheRestApis() {
        Http.Answer doc = Http.get("/openapi");
        assertEquals(200, doc.status());
        for (String path : new String[] {"/connect-service/v2.0/certificates", "/services/v2/order/certificate/{product}",
                "/services/v2/order/certificate/{orderId}/reissue", "/.well-known/est/simpleenroll",
                "/admin/api/orgs/{orgId}/ra-accounts"}) {
            assertTrue(doc.body().contains(path), "the document names " + path);
        }
        Http.Answer ui = Http.get("/openapi/ui/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().toLowerCase().contains("<html"), "the UI page");
    }
}
