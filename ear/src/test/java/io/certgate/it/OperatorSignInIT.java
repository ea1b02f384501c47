package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operators' sign-in looks only at /admin: EnOS Bearer calls and EST enrollments with a device's HTTP Basic
 * credentials leave no failed sign-in (CWWKS1652A) in Liberty's log, while a wrong operator password is still
 * refused with the challenge, counted in the metrics, and logged.
 */
class OperatorSignInIT {

    static final String CHALLENGE = "Basic realm=\"certgate admin\"";
    private static final HttpClient HTTPS = HttpClient.newBuilder().sslContext(RaAccount.tls((String) null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    static Path messagesLog() {
        return RaAccount.serverDir().resolve("logs/messages.log");
    }

    /** What the log gained after {@code offset} (messages.log is appended to; a rotation would start it anew). */
    static String logSince(long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(messagesLog().toFile(), "r")) {
            long from = f.length() >= offset ? offset : 0;
            byte[] b = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTPS.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> adminStats(String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/admin/api/stats")).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    /** RFC 7030 simpleenroll with the device's Basic credentials: the base64 of the DER CSR. */
    static HttpResponse<String> simpleenroll(String label, String user, String secret, String csrPem) {
        String base64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/.well-known/est/" + label + "/simpleenroll"))
                .header("Authorization", Admin.basic(user, secret)).header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofString(base64)));
    }

    @Test
    void enosAndEstCallersLeaveNoFailedSignInAndOperatorsAreStillChecked() throws Exception {
        RaAccount.awaitClientCertificateTrust();
        String org = Enos.newOrg();
        long offset = Files.size(messagesLog());

        // EnOS with Authorization: Bearer, accepted and refused
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        Enos.apply(id, Pki.rsaCsr(device.getString("deviceKey")), 30, null);
        assertEquals(1, Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data").size());
        assertEquals(401, Http.get("/connect-service/v2.0/certificates?action=list&" + id,
                java.util.Map.of("Authorization", "Bearer forged")).status());

        // EST with the device's HTTP Basic credentials, accepted and refused
        String deviceKey = device.getString("deviceKey");
        String csr = Pki.csr(Pki.rsa(2048), "SHA256withRSA", "CN=" + deviceKey + ",O=Example Devices");
        HttpResponse<String> enrolled = simpleenroll(device.getString("productKey"), deviceKey,
                device.getString("deviceSecret"), csr);
        assertEquals(200, enrolled.statusCode(), enrolled.body());
        HttpResponse<String> wrongSecret = simpleenroll(device.getString("productKey"), deviceKey, "not-the-secret", csr);
        assertEquals(401, wrongSecret.statusCode(), "EST refuses the device itself");
        assertTrue(wrongSecret.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertFalse(wrongSecret.headers().firstValue("WWW-Authenticate").orElse("").contains("certgate admin"),
                "EST's own challenge, not the operators'");
        assertEquals(2, Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data").size());

        // an operator's sign-in: a challenge without credentials, refused and counted with a wrong password
        Metrics before = Metrics.scrape();
        HttpResponse<String> none = adminStats(null);
        assertEquals(401, none.statusCode());
        assertEquals(CHALLENGE, none.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> bearer = adminStats("Bearer " + Enos.bearer(org).get("Authorization").substring(7));
        assertEquals(401, bearer.statusCode(), "an EnOS token is no operator's credential");
        HttpResponse<String> wrong = adminStats(Admin.basic("admin", "wrong-password"));
        assertEquals(401, wrong.statusCode());
        assertEquals(CHALLENGE, wrong.headers().firstValue("WWW-Authenticate").orElse(null));
        assertFalse(wrong.body().contains("operators"), wrong.body());
        assertEquals(1.0, Metrics.scrape().since(before, "certgate_authentication_failures_total", "facade", "admin"),
                "the wrong password counts, the missing credential and the Bearer token do not");
        assertEquals(200, adminStats(Admin.basic("admin", Admin.password())).statusCode());

        // the log: a failed sign-in only for the operator's wrong password
        List<String> failed = logSince(offset).lines().filter(l -> l.contains("CWWKS1652A")).toList();
        assertFalse(failed.isEmpty(), "Liberty logs the refused operator (the check can see CWWKS1652A)");
        for (String line : failed) {
            assertTrue(line.contains("/admin/api/stats"), "a failed sign-in logged for another path: " + line);
        }
        assertEquals(1, failed.size(), "only the wrong password: " + failed);
    }

    /**
     * Issue 19: the console's form sign-in is the admin API's check, with one count of failures and one throttle: a
     * wrong password in the form is counted and audited like one over Basic, and once the name has its 20 failures
     * (19 more over Basic, from an address of the test's own) the form refuses its right password too, with 429 and
     * Retry-After on the console's own page.
     */
    @Test
    void theConsoleFormSignInIsCountedAndThrottledWithTheApi() throws Exception {
        OperatorRolesIT.Operator op = OperatorRolesIT.createOperator("auditor");
        Metrics before = Metrics.scrape();
        ConsoleClient console = new ConsoleClient();
        HttpResponse<String> wrong = console.signIn(op.name(), "wrong-password");
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals(1.0, Metrics.scrape().since(before, "certgate_authentication_failures_total", "facade", "admin"));
        assertTrue(OperatorThrottleIT.operatorAudit().stream().anyMatch(r -> r.getString("action")
                .equals("operator.sign-in-failed") && r.getString("actor").equals("admin:" + op.name())));
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls((String) null),
                OperatorThrottleIT.ownLoopbackAddress())) {
            for (int i = 0; i < 19; i++) {
                assertEquals(401, c.send("GET", "/admin/api/stats", java.util.Map.of("Authorization",
                        Admin.basic(op.name(), "guess-" + i)), null).status());
            }
        }
        HttpResponse<String> throttled = console.signIn(op.name(), op.password());
        assertEquals(429, throttled.statusCode(), throttled.body());
        long retry = Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retry > 0 && retry <= 15 * 60, "Retry-After " + retry);
        assertTrue(throttled.body().contains("Too many failed sign-ins of this operator"), throttled.body());
        assertFalse(throttled.body().contains(op.password()));
        assertEquals(null, console.sessionId(), "not signed in");
    }
}
