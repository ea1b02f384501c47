package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logs an operator can trust, read from the test server's messages.log: typical traffic of every kind (EnOS token,
 * apply, refusals, a CertManager enrollment, an EST device with a wrong secret, an operator refused by its role) and the expected races (identical
 * token requests, a replayed signature, one key applied for concurrently) leave no WARNING or ERROR line, no stack
 * trace and no FFDC incident; no Liberty message is written per request (CWWKS1652A) nor throttled (TRAS3016W); the
 * line that says a certificate was issued carries the request id the EnOS answer returned; the start left no WARNING
 * and the bootstrap's audit lines name the bootstrap, as the database does.
 */
class LogHygieneIT {

    /** A line of Liberty's simple format: [date] thread logger level message. */
    private static final Pattern LINE = Pattern.compile("^\\[[^\\]]+\\] \\S+ \\S+ +([A-Z]) (.*)$");

    private static final HttpClient HTTPS = HttpClient.newBuilder().sslContext(RaAccount.tls(null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void clientCertificatesAreTrusted() {
        RaAccount.awaitClientCertificateTrust();
    }

    @Test
    void typicalTrafficLogsNoWarningAndEachIssuanceWithTheRequestIdOfItsAnswer() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        long from = size();

        JsonObject applied = Enos.ok(Enos.cert("apply", id, Json.createObjectBuilder()
                .add("csr", Pki.rsaCsr("log-hygiene")).build()));
        String certSn = applied.getJsonObject("data").getString("certSN");
        String requestId = applied.getString("requestId");
        // refusals of every kind: each an INFO line at most
        Enos.error(Enos.cert("apply", id, Json.createObjectBuilder().add("csr", Pki.rsaCsr("refused"))
                .add("validDay", 0).build()), 99400, null);
        Http.Answer nested = Enos.post(org, "/connect-service/v2.0/certificates?action=apply&" + id,
                "{\"csr\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
        Enos.error(nested, 99400, "invalid argument"); // not 99500 with a SEVERE stack trace
        Http.Answer badToken = Http.get("/connect-service/v2.0/certificates?action=list&" + id,
                Map.of("Authorization", "Bearer not-a-token"));
        assertEquals(401, badToken.status(), badToken.body());
        assertEquals(1203, badToken.json().getInt("code"));
        assertEquals(401, Http.get("/services/v2/product").status(), "DigiCert without a key");
        assertEquals(401, estEnroll(device, "not-the-secret"), "EST with a wrong device secret");
        SymantecWire.Answer enrolled = SymantecWire.form(RaAccount.AUTO).call("enroll", SymantecParityIT.server());
        assertTrue(enrolled.ok(), enrolled.toString());
        Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())); // a Bearer request that succeeds
        OperatorRolesIT.Operator approver = OperatorRolesIT.createOperator("approver");
        Http.Answer refusedByRole = approver.post("/admin/api/orgs/" + org + "/digicert-keys", null); // admin only
        assertEquals(403, refusedByRole.status(), refusedByRole.body());
        assertEquals("forbidden", refusedByRole.json().getString("error"), refusedByRole.body());

        String written = awaitLog(from, "Issued certSn " + certSn + " ");
        String issued = lineWith(written, "Issued certSn " + certSn + " ");
        assertTrue(issued.contains("requestId=" + requestId), "the issuance's line carries the answer's requestId: "
                + issued);
        assertTrue(lineWith(written, "EnOS authentication refused").contains("requestId="), written);
        assertTrue(lineWith(written, "EST authentication refused").contains("requestId="), written);
        assertTrue(lineWith(written, "DigiCert authentication refused").contains("requestId="), written);
        assertClean(written);
    }

    @Test
    void expectedRacesAreAnsweredWithoutWarningsOrStackTraces() throws Exception {
        String org = Enos.newOrg();
        JsonObject account = Enos.account(org);
        String appKey = account.getString("appKey");
        String appSecret = account.getString("appSecret");
        long from = size();

        // identical token requests (same appKey, timestamp, encryption): one token, the others 1001
        long ts = System.currentTimeMillis();
        String tokenBody = Json.createObjectBuilder().add("appKey", appKey)
                .add("encryption", Enos.sha256(appKey + ts + appSecret)).add("timestamp", ts).build().toString();
        List<Http.Answer> tokens = race(8, () -> Http.post("/apim-token-service/v2.0/token/get", tokenBody));
        assertEquals(List.of(0), statuses(tokens, "status", 0), "one grant: " + bodies(tokens));
        assertEquals(7, statuses(tokens, "status", 1001).size(), "the others are duplicates: " + bodies(tokens));
        String token = tokens.stream().filter(a -> a.json().getInt("status") == 0).findFirst().orElseThrow()
                .json().getJsonObject("data").getString("accessToken");

        // one signed request sent several times at once: one answer, the others replays (1001)
        long now = System.currentTimeMillis();
        String path = "/connect-service/v2.1/products?orgId=" + org + "&action=create";
        String body = "{\"productName\":{\"defaultValue\":\"raced\"},\"biDirectionalAuth\":true}";
        List<Http.Answer> signed = race(6, () -> EnosAuthenticationIT.signed(path, body, now, token, appSecret));
        assertEquals(1, signed.stream().filter(a -> a.status() == 200 && a.json().getInt("code") == 0).count(),
                bodies(signed));
        assertEquals(5, signed.stream().filter(a -> a.status() == 401 && a.json().getInt("code") == 1001).count(),
                bodies(signed));

        // one device applying with one key several times at once: every apply succeeds (the same device)
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String csr = Pki.rsaCsr("raced-key");
        List<Http.Answer> applies = race(6, () -> Enos.cert("apply", id,
                Json.createObjectBuilder().add("csr", csr).build()));
        List<String> issuedLines = new ArrayList<>();
        for (Http.Answer a : applies) {
            JsonObject ok = Enos.ok(a);
            issuedLines.add("Issued certSn " + ok.getJsonObject("data").getString("certSN") + " ");
        }
        for (int i = 0; i < applies.size(); i++) {
            String line = lineWith(awaitLog(from, issuedLines.get(i)), issuedLines.get(i));
            assertTrue(line.contains("requestId=" + applies.get(i).json().getString("requestId")), line);
        }
        String written = awaitLog(from, issuedLines.get(issuedLines.size() - 1));
        assertClean(written);
        assertFalse(written.contains("DuplicateEncryption") || written.contains("ReplayedRequest"), written);
    }

    /**
     * Strangers without credentials (malformed Basic headers, wrong methods, unknown paths: issue 18, 2 and 3) leave
     * no WARNING, ERROR, stack trace or FFDC: nobody can fill the log without an account.
     */
    @Test
    void strangersLeaveNothingToActOnInTheLog() throws Exception {
        long from = size();
        for (HostileInputCorpusIT.Stranger s : HostileInputCorpusIT.strangers()) {
            s.request().get();
        }
        assertEquals(401, estEnroll(Enos.newDevice(Enos.newOrg()), "not-the-secret")); // an INFO line to wait for
        String written = awaitLog(from, "EST authentication refused");
        assertClean(written);
    }

    @Test
    void theStartLeftNoWarningAndTheBootstrapsAuditLinesNameTheBootstrap() throws IOException {
        String log = Files.readString(log(), StandardCharsets.UTF_8);
        int ready = log.indexOf("CWWKF0011I");
        assertTrue(ready > 0, "messages.log holds this server's start (not rotated away)");
        assertClean(log.substring(0, ready));
        assertFalse(log.contains("actor=anonymous"), "no audit line without its actor");
        // the CA names the provider that signs; on Linux x86-64 it is AWS-LC, whose library ships in the EAR
        Matcher signatures = Pattern.compile("CA keys: .*; signatures: (.+)").matcher(log);
        assertTrue(signatures.find(), "the start names the signature provider");
        if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertTrue(signatures.group(1).startsWith("AWS-LC (AmazonCorrettoCryptoProvider "), signatures.group());
        }
        Matcher m = Pattern.compile("audit org=(\\S+) actor=(\\S+) action=credential\\.create target=(enos-app:\\S+) "
                + "outcome=\\S+ requestId=startup").matcher(log);
        if (m.find()) { // this start made the bootstrap's service account (a fresh server): log and database agree
            assertEquals("bootstrap", m.group(2), m.group());
            Http.Answer audit = Admin.get("/admin/api/orgs/" + m.group(1) + "/audit?max=1000");
            assertEquals(200, audit.status(), audit.body());
            String target = m.group(3);
            Json.createReader(new java.io.StringReader(audit.body())).readArray().stream().map(JsonValue::asJsonObject)
                    .filter(r -> target.equals(r.getString("target"))).findFirst()
                    .ifPresent(r -> assertEquals("bootstrap", r.getString("actor"), r.toString()));
        }
    }

    /** Nothing an operator must act on: no WARNING, ERROR or FATAL line, stack trace, FFDC or throttling. */
    static void assertClean(String written) {
        List<String> problems = new ArrayList<>();
        for (String line : written.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && "WEF".contains(m.group(1))) {
                problems.add(line);
            } else if (line.startsWith("\tat ") || line.startsWith("Caused by:") || line.contains("Exception [EclipseLink")
                    || line.contains("FFDC1015I") || line.contains("CWWKS1652A") || line.contains("TRAS3016W")) {
                problems.add(line);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " line(s) an operator would have to look at:\n"
                + String.join("\n", problems.subList(0, Math.min(problems.size(), 30))));
    }

    private static <T> List<T> race(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> statuses(List<Http.Answer> answers, String field, int value) {
        return answers.stream().map(a -> a.json().getInt(field)).filter(s -> s == value).toList();
    }

    private static String bodies(List<Http.Answer> answers) {
        return String.join("\n", answers.stream().map(Http.Answer::body).toList());
    }

    private static int estEnroll(JsonObject device, String secret) {
        String b64 = Pki.rsaCsr(device.getString("deviceKey")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String basic = Base64.getEncoder().encodeToString((device.getString("deviceKey") + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return Http.send(HTTPS, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/.well-known/est/"
                + device.getString("productKey") + "/simpleenroll")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/pkcs10").POST(HttpRequest.BodyPublishers.ofString(b64))).status();
    }

    static Path log() {
        return RaAccount.serverDir().resolve("logs/messages.log");
    }

    static long size() throws IOException {
        return Files.size(log());
    }

    /** What the server wrote since {@code from}, once it holds {@code expected} (Liberty writes asynchronously). */
    static String awaitLog(long from, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String written = readSince(from);
        while (!written.contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("messages.log has no '" + expected + "' since offset " + from + ":\n" + written);
            }
            Thread.sleep(200);
            written = readSince(from);
        }
        Thread.sleep(500); // the rest of the same requests' lines
        return readSince(from);
    }

    private static String readSince(long from) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log().toFile(), "r")) {
            byte[] b = new byte[(int) Math.max(0, f.length() - from)];
            f.seek(Math.min(from, f.length()));
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static String lineWith(String written, String text) {
        for (String line : written.split("\n")) {
            if (line.contains(text)) {
                return line;
            }
        }
        return null;
    }
}
