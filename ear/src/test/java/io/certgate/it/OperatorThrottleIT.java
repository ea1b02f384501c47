package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, 6 and 9: operators' sign-ins are throttled per name and per client address (20 failures of a name, 100
 * from an address, within 15 minutes: then 429 with Retry-After, also for the right password), each failure and the
 * throttling are in the audit trail and the refusals in the metrics; plain HTTP to the operators' pages is sent to
 * HTTPS at the server's own name, never at the request's Host header. The failures here come from loopback addresses
 * of their own (127.x.y.z, random per run), so that the tests' usual 127.0.0.1 is not throttled for later tests.
 */
class OperatorThrottleIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PER_USER = 20;
    private static final int PER_ADDRESS = 100;
    private static final String METRIC = "certgate_operator_sign_ins_throttled_total";

    /** A loopback address of this run's own (the whole of 127.0.0.0/8 is loopback on Linux). */
    static String ownLoopbackAddress() {
        return "127." + (1 + RANDOM.nextInt(250)) + "." + (1 + RANDOM.nextInt(250)) + "." + (2 + RANDOM.nextInt(250));
    }

    private static RawHttp.Answer stats(RawHttp c, String user, String password) throws Exception {
        return c.send("GET", "/admin/api/stats", Map.of("Authorization", Admin.basic(user, password)), null);
    }

    static List<JsonObject> operatorAudit() {
        Http.Answer a = Admin.get("/admin/api/operators/audit?max=1000");
        assertEquals(200, a.status(), a.body());
        return Json.createReader(new StringReader(a.body())).readArray().getValuesAs(JsonValue::asJsonObject);
    }

    @Test
    void aNameWithTooManyFailedSignInsIsRefusedEvenWithItsPassword() throws Exception {
        OperatorRolesIT.Operator op = OperatorRolesIT.createOperator("auditor");
        assertEquals(200, Admin.getAs(Admin.basic(op.name(), op.password()), "/admin/api/stats").status());
        Metrics before = Metrics.scrape();
        String guesser = ownLoopbackAddress();
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls((String) null), guesser)) {
            for (int i = 0; i < PER_USER; i++) {
                RawHttp.Answer wrong = stats(c, op.name(), "guess-" + i);
                assertEquals(401, wrong.status(), "failure " + (i + 1) + ": " + wrong.text());
            }
            RawHttp.Answer throttled = stats(c, op.name(), op.password());
            assertEquals(429, throttled.status(), "the right password too, once the name is throttled");
            long retry = Long.parseLong(throttled.header("Retry-After"));
            assertTrue(retry > 0 && retry <= 15 * 60, "Retry-After within the window: " + retry);
            JsonObject body = Json.createReader(new StringReader(throttled.text())).readObject();
            assertEquals("too_many_failed_sign_ins", body.getString("error"));
            assertFalse(throttled.text().contains(op.password()));
        }
        // from the tests' own address too (the name is throttled), while other operators sign in
        assertEquals(429, Admin.getAs(Admin.basic(op.name(), op.password()), "/admin/api/stats").status());
        assertEquals(200, Admin.getAs(Admin.basic("admin", Admin.password()), "/admin/api/stats").status());

        Metrics after = Metrics.scrape();
        assertEquals(2.0, after.since(before, METRIC, "scope", "user"), after.certgateLines());
        List<JsonObject> audit = operatorAudit();
        long failures = audit.stream().filter(r -> r.getString("action").equals("operator.sign-in-failed")
                && r.getString("actor").equals("admin:" + op.name())).count();
        assertEquals(PER_USER, failures, "each failure audited once; the throttled attempts are not password checks");
        assertTrue(audit.stream().anyMatch(r -> r.getString("action").equals("operator.sign-in-throttled")
                        && r.getString("actor").equals("admin:" + op.name())
                        && r.getString("target").equals("address=" + guesser)),
                "the failure that reached the limit is audited as the throttling");
    }

    @Test
    void anAddressWithTooManyFailedSignInsIsRefusedForEveryName() throws Exception {
        String guesser = ownLoopbackAddress();
        Metrics before = Metrics.scrape();
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls((String) null), guesser)) {
            for (int i = 0; i < PER_ADDRESS; i++) {
                RawHttp.Answer wrong = stats(c, "nobody-" + i + "-" + DigiCert.hex(4), "guess");
                assertEquals(401, wrong.status(), "failure " + (i + 1) + ": " + wrong.text());
            }
            RawHttp.Answer throttled = stats(c, "admin", Admin.password());
            assertEquals(429, throttled.status(), "the address is throttled, whatever the name");
            assertTrue(throttled.text().contains("address"), throttled.text());
        }
        assertEquals(1.0, Metrics.scrape().since(before, METRIC, "scope", "address"));
        // another address is not
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls((String) null), ownLoopbackAddress())) {
            assertEquals(200, stats(c, "admin", Admin.password()).status());
        }
        assertEquals(200, Admin.getAs(Admin.basic("admin", Admin.password()), "/admin/api/stats").status());
        assertTrue(operatorAudit().stream().anyMatch(r -> r.getString("action").equals("operator.sign-in-throttled")
                && r.getString("target").equals("address=" + guesser)));
    }

    /** Issue 18, 9: the redirect to HTTPS names the server, never the Host header a client sent. */
    @Test
    void plainHttpIsRedirectedToTheServersOwnNameNeverTheRequestsHost() throws Exception {
        String https = ":" + java.net.URI.create(RaAccount.HTTPS).getPort();
        try (RawHttp c = RawHttp.open(Http.BASE, null, null)) {
            for (String hostile : List.of("evil.example", "evil.example:9080", "localhost.evil.example")) {
                RawHttp.Answer a = c.send("GET", "/admin/api/stats?x=1", Map.of("Host", hostile,
                        "Authorization", Admin.basic("admin", Admin.password())), null);
                assertEquals(302, a.status(), hostile + ": " + a.text());
                String location = a.header("Location");
                assertEquals("https://localhost" + https + "/admin/api/stats?x=1", location, hostile);
                assertFalse(location.contains("evil"), location);
            }
            RawHttp.Answer own = c.send("GET", "/admin/console/", Map.of("Host", "127.0.0.1:9080"), null);
            assertEquals(302, own.status());
            assertEquals("https://127.0.0.1" + https + "/admin/console/", own.header("Location"),
                    "a name of the server's own is kept");
            RawHttp.Answer post = c.send("POST", "/admin/api/operators", Map.of("Host", "evil.example",
                    "Content-Type", "application/json"), "{}".getBytes());
            assertEquals(302, post.status());
            assertTrue(post.header("Location").startsWith("https://localhost" + https + "/"), post.header("Location"));
            assertNull(post.header("WWW-Authenticate"), "no credentials asked for over plain HTTP");
        }
    }
}
