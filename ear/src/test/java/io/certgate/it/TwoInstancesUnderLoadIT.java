package io.certgate.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database under load, one of them killed with SIGKILL in the middle and
 * restarted (issue 9): 32 clients alternate between the instances for {@code certgate.it.load.seconds} (60; and
 * on until the restarted instance has served 20 s), mixing EnOS apply (fresh RSA or P-256 key each time, plus a
 * few keys that several devices try to claim at once), renew, revoke and list, and CertManager enroll over
 * mutual TLS. Afterwards: no duplicate certSn or serial, no key on two devices, every certificate a client
 * received is in the database and verifies, every acknowledged revocation is on the CRL and answered revoked by
 * OCSP of both instances, and the restarted instance started clean and served. Prints the counts. Runs in the
 * PostgreSQL pass of .ci/run ({@code -Ppostgresql}); alone: bench/two-instances-kill.sh.
 */
@Tag("two-instances-load")
class TwoInstancesUnderLoadIT {

    static final String DB = "certgate_load";
    static final List<String> SERVERS = List.of("certgate-load-a", "certgate-load-b");
    static final List<Integer> HTTP = List.of(9184, 9185);
    static final List<Integer> HTTPS = List.of(9547, 9548);
    static final String RA = "ra-load";
    static final int CLIENTS = 32;
    /** The instance killed at {@link #KILL_AT} of the run: b, so that a, which did the setup, stays up. */
    static final int VICTIM = 1;
    static final double KILL_AT = 0.4;
    /** After the victim is ready again its errors still count as "while down" this long (stale connections). */
    static final Duration GRACE = Duration.ofSeconds(15);
    /**
     * The load goes on at least this long after the victim is ready again, so that it serves (and issues beside
     * the other) after its restart: under load a restart can take longer than the rest of the run.
     */
    static final Duration AFTER_RESTART = Duration.ofSeconds(20);
    static final int MAX_OPS_PER_CLIENT = 5_000;
    /** Keys that several devices try to bind at once: one device wins each, the others get 11833. */
    static final int CONTESTED_KEYS = 8;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final List<String> STARTED = new CopyOnWriteArrayList<>();

    /** What the clients share: the organization, its token, one device per client, the RA account's TLS. */
    record Setup(String org, String token, List<String> devices, SSLContext raTls) {
    }

    /** A certificate a client received with success (certSn null for CertManager). */
    record Issued(String kind, String certSn, X509Certificate cert, int instance) {
        String serial() {
            return cert.getSerialNumber().toString(16);
        }
    }

    /** A revocation a client saw acknowledged. */
    record Revocation(String certSn, X509Certificate cert) {
    }

    /** An HTTP answer, or status -1 and the transport error. */
    record Reply(int status, byte[] bytes, Exception error) {
        String body() {
            return new String(bytes, UTF_8);
        }

        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body()))) {
                return r.readObject();
            }
        }

        String describe() {
            return status < 0 ? String.valueOf(error) : "HTTP " + status + " " + abbreviate(body());
        }
    }

    @Test
    void thirtyTwoClientsAcrossTwoInstancesOneKilledAndRestarted() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("certgate.it.postgresql"), "the PostgreSQL pass runs this");
        int seconds = Integer.getInteger("certgate.it.load.seconds", 60);
        startBothOnAFreshDatabase();
        Setup setup = setup();
        Load load = new Load(setup, seconds);
        String kill = load.runWithKill();
        Findings found = check(load);
        List<String> report = report(load, found, seconds, kill);
        assertClean(load, found, "\n" + String.join("\n", report));
    }

    @AfterAll
    static void stop() {
        for (String name : STARTED) {
            try {
                ServerDirs.server("stop", name);
            } catch (AssertionError alreadyDown) {
                System.out.println("stopping " + name + ": " + alreadyDown.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- the load

    /** The 32 clients, what they were answered, and when the victim was down. */
    static final class Load {

        final Setup setup;
        final int seconds;
        long start;
        /** When the clients stop: the planned end, held open while the victim restarts. */
        volatile long deadline;
        long end;
        final AtomicReferenceArray<HttpClient> plain = new AtomicReferenceArray<>(2);
        final AtomicReferenceArray<HttpClient> tls = new AtomicReferenceArray<>(2);
        volatile long downFrom = Long.MAX_VALUE;
        volatile long downUntil = Long.MAX_VALUE;
        volatile long readyAgain = Long.MAX_VALUE;
        final AtomicInteger applies = new AtomicInteger();
        final AtomicInteger renews = new AtomicInteger();
        final AtomicInteger revokes = new AtomicInteger();
        final AtomicInteger enrolls = new AtomicInteger();
        final AtomicInteger lists = new AtomicInteger();
        final AtomicInteger listMisses = new AtomicInteger();
        final AtomicInteger contestedWins = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger downErrors = new AtomicInteger();
        final AtomicInteger liveTransportErrors = new AtomicInteger();
        final AtomicInteger unexpectedAnswers = new AtomicInteger();
        final AtomicInteger servedAfterRestart = new AtomicInteger();
        final Queue<Issued> issued = new ConcurrentLinkedQueue<>();
        final Queue<Revocation> revocations = new ConcurrentLinkedQueue<>();
        final Queue<String> samples = new ConcurrentLinkedQueue<>();
        final List<String> contestedCsrs = new ArrayList<>();
        final Map<Integer, Set<Integer>> contestedHolders = new ConcurrentHashMap<>();

        Load(Setup setup, int seconds) {
            this.setup = setup;
            this.seconds = seconds;
            for (int i = 0; i < 2; i++) {
                freshClients(i);
            }
            for (int k = 0; k < CONTESTED_KEYS; k++) {
                boolean rsa = k < CONTESTED_KEYS / 2;
                KeyPair kp = rsa ? Pki.rsa(2048) : Pki.ec("secp256r1");
                contestedCsrs.add(Pki.csr(kp, rsa ? "SHA256withRSA" : "SHA256withECDSA",
                        "CN=contested-" + k + ",O=certgate load,C=CN"));
            }
        }

        /** Runs the clients; kills the victim at 40% and restarts it while they go on. Says what happened. */
        String runWithKill() throws Exception {
            long pid = pid(SERVERS.get(VICTIM)); // before the clock starts: `server status` takes seconds
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            start = System.nanoTime();
            long planned = start + TimeUnit.SECONDS.toNanos(seconds);
            deadline = planned; // the clients see it: they start after this
            String kill = null;
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    int id = c;
                    pool.execute(() -> new Client(id).run());
                }
                sleepUntil(start + (long) (TimeUnit.SECONDS.toNanos(seconds) * KILL_AT));
                deadline = Long.MAX_VALUE; // until the victim is back (bounded: start and readiness time out)
                kill = killAndRestart(pid);
                deadline = Math.max(planned, readyAgain + AFTER_RESTART.toNanos());
            } finally {
                if (kill == null) {
                    deadline = System.nanoTime(); // the restart failed: stop the clients, then report that
                }
                pool.shutdown();
                boolean stopped = pool.awaitTermination(seconds + 180L, TimeUnit.SECONDS);
                end = System.nanoTime();
                if (!stopped) {
                    pool.shutdownNow();
                    throw new AssertionError("the clients did not stop");
                }
            }
            return kill + String.format(", load ran %.0f s", (end - start) / 1e9);
        }

        private String killAndRestart(long pid) throws Exception {
            String name = SERVERS.get(VICTIM);
            downFrom = System.nanoTime();
            kill9(pid);
            ServerDirs.server("start", name);
            awaitReady(VICTIM);
            readyAgain = System.nanoTime();
            freshClients(VICTIM); // no pooled connection to the dead JVM outlives the window
            downUntil = readyAgain + GRACE.toNanos();
            return String.format("killed %s (pid %d) at %.0f s, ready again %.0f s later", name, pid,
                    (downFrom - start) / 1e9, (readyAgain - downFrom) / 1e9);
        }

        private void freshClients(int instance) {
            plain.set(instance, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT).build());
            tls.set(instance, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(setup.raTls())
                    .connectTimeout(CONNECT_TIMEOUT).build());
        }

        long contestedKeysWonTwice() {
            return contestedHolders.values().stream().filter(devices -> devices.size() > 1).count();
        }

        private boolean down(int instance) {
            long now = System.nanoTime();
            return instance == VICTIM && now >= downFrom && now <= downUntil;
        }

        /**
         * A failure that is no API answer: no answer at all (status -1: refused, reset, timed out), or an HTTP
         * error status (5xx, 404 while the application starts). Expected from the victim while it is down; from
         * a live instance an HTTP error is unexpected, and transport errors are counted apart because a pooled
         * keep-alive connection that the server closes just as it is reused fails without any server fault.
         */
        void error(int instance, int status, String what) {
            if (down(instance)) {
                downErrors.incrementAndGet();
            } else if (status < 0) {
                liveTransportErrors.incrementAndGet();
                sample(SERVERS.get(instance) + " live, no answer: " + what);
            } else {
                unexpected(instance, what);
            }
        }

        /** An answer that is neither success nor an expected refusal. */
        void unexpected(int instance, String what) {
            if (down(instance)) { // answered while starting, before ready: a balancer would not have sent it
                downErrors.incrementAndGet();
                sample(SERVERS.get(instance) + " starting, " + what);
            } else {
                unexpectedAnswers.incrementAndGet();
                sample(SERVERS.get(instance) + ", " + what);
            }
        }

        void served(int instance) {
            if (instance == VICTIM && System.nanoTime() > readyAgain) {
                servedAfterRestart.incrementAndGet();
            }
        }

        void sample(String s) {
            if (samples.size() < 20) {
                samples.add(abbreviate(s));
            }
        }

        String base(int instance) {
            return "http://localhost:" + HTTP.get(instance);
        }

        /** A certificate call for the client's device; the answer's data on code 0, else null (counted). */
        JsonValue enos(int instance, String action, String device, JsonObject body, int refusal) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(instance)
                            + "/connect-service/v2.0/certificates?action=" + action + "&" + device))
                    .header("Authorization", "Bearer " + setup.token());
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            Reply r = send(plain.get(instance), b);
            if (r.status() != 200) {
                error(instance, r.status(), action + ": " + r.describe());
                return null;
            }
            JsonObject j;
            try {
                j = r.json();
            } catch (RuntimeException notJson) {
                unexpected(instance, action + " answered no JSON: " + r.describe());
                return null;
            }
            int code = j.getInt("code", -1);
            if (code == 0) {
                served(instance);
                return j.get("data");
            }
            if (code == refusal) {
                refusals.incrementAndGet();
                return null;
            }
            unexpected(instance, action + " answered " + j);
            return null;
        }

        /** One client: its own device, its own certificates; alternates between the instances. */
        final class Client {
            final int id;
            final String device;
            final Random random;
            final List<Issued> valid = new ArrayList<>();
            /** certSn of every certificate this client was given -> whether its revocation was acknowledged. */
            final Map<String, Boolean> mine = new HashMap<>();
            int applied;
            int enrolled;

            Client(int id) {
                this.id = id;
                this.device = setup.devices().get(id);
                this.random = new Random(id);
            }

            void run() {
                for (int i = 0; i < MAX_OPS_PER_CLIENT && System.nanoTime() < deadline; i++) {
                    int instance = (id + i) % 2;
                    try {
                        switch (i % 10) {
                            case 1, 8 -> renew(instance);
                            case 3 -> list(instance);
                            case 4, 9 -> enroll(instance);
                            case 6 -> revoke(instance);
                            case 7 -> contested(instance);
                            default -> apply(instance);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        unexpected(instance, "client " + id + ": " + e);
                    }
                }
            }

            void apply(int instance) {
                boolean rsa = applied++ % 2 == 0;
                KeyPair kp = rsa ? Pki.rsa(2048) : Pki.ec("secp256r1");
                String csr = Pki.csr(kp, rsa ? "SHA256withRSA" : "SHA256withECDSA",
                        "CN=load-" + id + "-" + applied + ",O=certgate load,C=CN");
                if (received("apply", instance, enos(instance, "apply", device, applyBody(csr, rsa), -1))) {
                    applies.incrementAndGet();
                }
            }

            /** A key other devices may have claimed: 11833 unless this device holds it. */
            void contested(int instance) {
                int k = random.nextInt(CONTESTED_KEYS);
                boolean rsa = k < CONTESTED_KEYS / 2;
                if (received("apply", instance, enos(instance, "apply", device,
                        applyBody(contestedCsrs.get(k), rsa), 11833))) {
                    applies.incrementAndGet();
                    contestedWins.incrementAndGet();
                    contestedHolders.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(id);
                }
            }

            void renew(int instance) {
                if (valid.isEmpty()) {
                    apply(instance);
                    return;
                }
                Issued old = valid.get(random.nextInt(valid.size()));
                JsonObject body = Json.createObjectBuilder().add("certSn", Long.parseLong(old.certSn()))
                        .add("validDay", 30).build();
                if (received("renew", instance, enos(instance, "renew", device, body, -1))) {
                    renews.incrementAndGet();
                }
            }

            void revoke(int instance) {
                if (valid.isEmpty()) {
                    apply(instance);
                    return;
                }
                // out of the pool whatever the answer: after a lost answer its state is unknown
                Issued target = valid.remove(random.nextInt(valid.size()));
                // cessationOfOperation, not keyCompromise: a compromised key is never certified again (issue 18), and
                // the load renews and re-applies with keys of certificates it revokes
                JsonObject body = Json.createObjectBuilder().add("certSn", Long.parseLong(target.certSn()))
                        .add("reason", 5).build();
                if (enos(instance, "revoke", device, body, -1) != null) {
                    revocations.add(new Revocation(target.certSn(), target.cert()));
                    mine.put(target.certSn(), true);
                    revokes.incrementAndGet();
                }
            }

            /** The device's list holds every certificate this client was given, revoked where acknowledged. */
            void list(int instance) {
                JsonValue data = enos(instance, "list", device, null, -1);
                if (data == null) {
                    return;
                }
                lists.incrementAndGet();
                Map<String, Integer> status = new HashMap<>();
                for (JsonValue v : (JsonArray) data) {
                    status.put(v.asJsonObject().getString("certSN"), v.asJsonObject().getInt("certStatus"));
                }
                for (Map.Entry<String, Boolean> e : mine.entrySet()) {
                    Integer s = status.get(e.getKey());
                    if (s == null || (e.getValue() && s != 1)) {
                        listMisses.incrementAndGet();
                        sample(SERVERS.get(instance) + " list of client " + id + ": certSn " + e.getKey()
                                + (s == null ? " absent" : " status " + s + " though revoked"));
                    }
                }
            }

            /** CertManager enroll over mutual TLS as the RA account, alternating RSA and P-256 keys. */
            void enroll(int instance) {
                boolean rsa = enrolled++ % 2 == 0;
                KeyPair kp = rsa ? Pki.rsa(2048) : Pki.ec("secp256r1");
                String host = "c" + id + "-" + enrolled + ".load.example.com";
                Map<String, String> form = new LinkedHashMap<>();
                form.put("firstName", "Load");
                form.put("lastName", "Client");
                form.put("email", "load@example.com");
                form.put("csr", Pki.csr(kp, rsa ? "SHA256withRSA" : "SHA256withECDSA", "CN=" + host + ",O=Example Devices"));
                form.put("certProductType", "Server");
                form.put("serverType", "Apache");
                form.put("validityPeriod", "1Y");
                form.put("challenge", "load-phrase-" + id);
                form.put("signatureAlgorithm", rsa ? "sha256WithRSAEncryption" : "ECDSAwithSHA256");
                String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                SymantecWire.Answer a;
                try {
                    a = SymantecWire.post(tls.get(instance), "https://localhost:" + HTTPS.get(instance)
                            + "/vswebservices/rest/services/enroll", body);
                } catch (AssertionError noAnswer) { // refused, reset, timed out; or not the application's answer
                    error(instance, noAnswer.getCause() instanceof IOException ? -1 : 0,
                            "enroll: " + noAnswer.getMessage());
                    return;
                }
                if (a.httpStatus() >= 500 || a.httpStatus() == 404) {
                    error(instance, a.httpStatus(), "enroll: HTTP " + a.httpStatus() + " " + a.outcome());
                } else if (a.httpStatus() == 200 && a.ok() && a.certificate() != null) {
                    issued.add(new Issued("enroll", null, Pki.cert(a.certificate()), instance));
                    enrolls.incrementAndGet();
                    served(instance);
                } else {
                    unexpected(instance, "enroll: HTTP " + a.httpStatus() + " " + a.outcome());
                }
            }

            /** Records an EnOS issuance (apply or renew answer) as received; false when there was none. */
            private boolean received(String kind, int instance, JsonValue data) {
                if (data == null) {
                    return false;
                }
                JsonObject d = data.asJsonObject();
                Issued i = new Issued(kind, d.getString("certSN"), Pki.cert(d.getString("cert")), instance);
                issued.add(i);
                valid.add(i);
                mine.put(i.certSn(), false);
                return true;
            }
        }
    }

    private static JsonObject applyBody(String csr, boolean rsa) {
        return Json.createObjectBuilder().add("csr", csr).add("issueAuthority", rsa ? "RSA" : "ECC")
                .add("validDay", 30).build();
    }

    // ---------------------------------------------------------------------------------------------- the checks

    /** What the checks after the load found: every count is 0 when certgate kept its guarantees. */
    record Findings(long duplicateCertSn, long duplicateSerials, long keysOnTwoDevices, int missing, int unverified,
                    int notRevokedInDatabase, int crlOcspMisses, List<String> problems, List<String> restart) {
    }

    private static Findings check(Load load) throws Exception {
        List<X509Certificate> roots = roots();
        Map<String, DbCert> db = databaseCertificates();
        // in the database, and among what the clients were given (two certificates under one number)
        long dupSn = sqlCount("SELECT COUNT(*) FROM (SELECT CERT_SN FROM CG_CERTIFICATE GROUP BY CERT_SN"
                + " HAVING COUNT(*) > 1) d") + clientDuplicates(load.issued, Issued::certSn, Issued::serial);
        long dupSerial = sqlCount("SELECT COUNT(*) FROM (SELECT SERIAL_NUMBER FROM CG_CERTIFICATE"
                + " GROUP BY SERIAL_NUMBER HAVING COUNT(*) > 1) d")
                + clientDuplicates(load.issued, Issued::serial, i -> Pki.pem("CERTIFICATE", encoded(i.cert())));
        long keys = sqlCount(KEYS_ON_TWO_DEVICES) + load.contestedKeysWonTwice();
        List<String> problems = new ArrayList<>();
        int missing = missing(load.issued, db, problems);
        int unverified = unverified(load.issued, roots, problems);
        int notRevoked = notRevokedInDatabase(load.revocations, db, problems);
        int crlOcsp = crlOcspMisses(load.revocations, roots, problems);
        List<String> restart = new ArrayList<>(restartProblems(SERVERS.get(VICTIM)));
        for (String name : SERVERS) {
            restart.addAll(loadNoise(name));
        }
        for (int i = 0; i < 2; i++) {
            if (!ready(i)) {
                restart.add(SERVERS.get(i) + ": /health/ready is not 200 after the load");
            }
        }
        return new Findings(dupSn, dupSerial, keys, missing, unverified, notRevoked, crlOcsp, problems, restart);
    }

    /** Prints the summary line, a detail line and what went wrong; also to target/two-instances-load.txt. */
    private static List<String> report(Load load, Findings f, int seconds, String kill) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(String.format("load: %d applies, %d renews, %d revokes, %d enrolls, %d errors while down;"
                        + " duplicates certSn %d, serials %d, keys on two devices %d, missing %d, CRL/OCSP misses %d",
                load.applies.get(), load.renews.get(), load.revokes.get(), load.enrolls.get(), load.downErrors.get(),
                f.duplicateCertSn(), f.duplicateSerials(), f.keysOnTwoDevices(), f.missing(), f.crlOcspMisses()));
        out.add(String.format("load detail: %d s planned, %d clients, %s; %d lists, %d list misses;"
                        + " %d contested-key applies won, %d refused (11833); %d served by the restarted instance;"
                        + " %d unverified (openssl on %d); %d acknowledged revocations, %d not revoked in the database;"
                        + " %d unexpected answers, %d transport errors from a live instance; restart problems %d",
                seconds, CLIENTS, kill, load.lists.get(), load.listMisses.get(), load.contestedWins.get(),
                load.refusals.get(), load.servedAfterRestart.get(), f.unverified(), Math.min(50, load.issued.size()),
                load.revocations.size(), f.notRevokedInDatabase(), load.unexpectedAnswers.get(),
                load.liveTransportErrors.get(), f.restart().size()));
        load.samples.forEach(s -> out.add("  answer: " + s));
        f.problems().forEach(s -> out.add("  check: " + s));
        f.restart().forEach(s -> out.add("  restart: " + s));
        out.forEach(System.out::println);
        // for bench/two-instances-kill.sh, which shows it after Maven's output
        Files.write(ServerDirs.wlp().toAbsolutePath().getParent().getParent().resolve("two-instances-load.txt"), out);
        return out;
    }

    private static void assertClean(Load load, Findings f, String why) {
        assertTrue(load.applies.get() > 0 && load.renews.get() > 0 && load.revokes.get() > 0
                && load.enrolls.get() > 0 && load.lists.get() > 0, "every operation succeeded at least once" + why);
        assertTrue(load.servedAfterRestart.get() > 0, "the restarted instance served the clients" + why);
        assertEquals(0, f.duplicateCertSn() + f.duplicateSerials(), "duplicate certSn or serial numbers" + why);
        assertEquals(0, f.keysOnTwoDevices(), "public keys bound to two devices" + why);
        assertEquals(0, f.missing() + f.unverified(), "received certificates missing or not verifying" + why);
        assertEquals(0, f.notRevokedInDatabase() + f.crlOcspMisses(), "acknowledged revocations" + why);
        assertEquals(0, load.listMisses.get(), "lists without an acknowledged certificate or revocation" + why);
        assertEquals(0, load.unexpectedAnswers.get(), "unexpected answers (codes, HTTP errors) from a live instance"
                + why);
        assertEquals(List.of(), f.restart(), "the restarted instance started clean, and neither log holds what "
                + "load used to write (throttling, failed authentications of served requests, EclipseLink stack traces)"
                + why);
    }

    /** Public keys of device certificates on more than one device, or bound to another device than theirs. */
    static final String KEYS_ON_TWO_DEVICES = "SELECT COUNT(*) FROM (SELECT c.PUBLIC_KEY_SHA256"
            + " FROM CG_CERTIFICATE c LEFT JOIN CG_KEY_BINDING b ON b.PUBLIC_KEY_SHA256 = c.PUBLIC_KEY_SHA256"
            + " WHERE c.DEVICE_ID IS NOT NULL GROUP BY c.PUBLIC_KEY_SHA256"
            + " HAVING COUNT(DISTINCT c.DEVICE_ID) > 1 OR MIN(b.DEVICE_ID) <> MIN(c.DEVICE_ID)) k";

    record DbCert(String certSn, String pem, boolean revoked) {
    }

    /** Values of {@code key} that clients were given with more than one distinct {@code value}. */
    private static long clientDuplicates(Queue<Issued> issued, Function<Issued, String> key,
                                         Function<Issued, String> value) {
        return issued.stream().filter(i -> key.apply(i) != null)
                .collect(Collectors.groupingBy(key, Collectors.mapping(value, Collectors.toSet())))
                .values().stream().filter(values -> values.size() > 1).count();
    }

    /** Received certificates that the database does not hold as received (by serial, certSn and content). */
    private static int missing(Queue<Issued> issued, Map<String, DbCert> db, List<String> problems) {
        int missing = 0;
        for (Issued i : issued) {
            DbCert row = db.get(i.serial());
            if (row == null || (i.certSn() != null && !i.certSn().equals(row.certSn()))
                    || !Pki.cert(row.pem()).equals(i.cert())) {
                missing++;
                problem(problems, "missing from the database: " + i.kind() + " certSn " + i.certSn() + " serial "
                        + i.serial() + (row == null ? "" : " (the row differs: certSn " + row.certSn() + ")"));
            }
        }
        return missing;
    }

    /** Java signature, issuer and dates against the roots for all; openssl verify as well on at most 50. */
    private static int unverified(Queue<Issued> issued, List<X509Certificate> roots, List<String> problems) {
        List<Issued> all = new ArrayList<>(issued);
        int every = Math.max(1, all.size() / 50);
        int unverified = 0;
        for (int n = 0; n < all.size(); n++) {
            Issued i = all.get(n);
            X509Certificate root = rootOf(i.cert(), roots);
            try {
                if (root == null) {
                    throw new AssertionError("no root signed it");
                }
                i.cert().checkValidity();
                if (n % every == 0 && n / every < 50) {
                    Pki.verifyChain(i.cert(), root);
                }
            } catch (Exception | AssertionError e) {
                unverified++;
                problem(problems, "does not verify: " + i.kind() + " serial " + i.serial() + ": " + e);
            }
        }
        return unverified;
    }

    /** Issuing CAs by subject, as their leaves' AIA serves them (fetched once each). */
    private static final Map<javax.security.auth.x500.X500Principal, X509Certificate> ISSUING = new HashMap<>();

    /**
     * The root above the certificate: its issuing CA (signature checked) signed by one of the roots; null if none.
     */
    private static X509Certificate rootOf(X509Certificate cert, List<X509Certificate> roots) {
        X509Certificate issuing;
        try {
            issuing = ISSUING.computeIfAbsent(cert.getIssuerX500Principal(), p -> Pki.issuerOf(cert));
            cert.verify(issuing.getPublicKey());
        } catch (Exception | AssertionError e) {
            return null;
        }
        for (X509Certificate root : roots) {
            if (root.getSubjectX500Principal().equals(issuing.getIssuerX500Principal())) {
                try {
                    issuing.verify(root.getPublicKey());
                    return root;
                } catch (Exception notThisOne) {
                    // the other root, or none
                }
            }
        }
        return null;
    }

    private static int notRevokedInDatabase(Queue<Revocation> revocations, Map<String, DbCert> db,
                                            List<String> problems) {
        int n = 0;
        for (Revocation r : revocations) {
            DbCert row = db.get(r.cert().getSerialNumber().toString(16));
            if (row == null || !row.revoked()) {
                n++;
                problem(problems, "acknowledged revocation not revoked in the database: certSn " + r.certSn());
            }
        }
        return n;
    }

    /** Each acknowledged revocation, on both instances: on the (verified) CRL, and revoked in OCSP. */
    private static int crlOcspMisses(Queue<Revocation> revocations, List<X509Certificate> roots,
                                     List<String> problems) throws Exception {
        int misses = 0;
        for (int instance = 0; instance < 2; instance++) {
            String base = "http://localhost:" + HTTP.get(instance);
            Map<String, X509CRL> crls = new HashMap<>(); // each issuing CA's CRL, from this instance
            int openssl = 0;
            for (Revocation r : revocations) {
                X509Certificate root = rootOf(r.cert(), roots);
                String where = SERVERS.get(instance) + " certSn " + r.certSn() + ": ";
                try {
                    String path = java.net.URI.create(Pki.extensionUri(r.cert(),
                            org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId())).getPath();
                    X509CRL crl = crls.get(path);
                    if (crl == null) {
                        crl = Pki.crl(get(base + path).bytes());
                        crl.verify(ISSUING.get(r.cert().getIssuerX500Principal()).getPublicKey());
                        crls.put(path, crl);
                    }
                    if (crl == null || !crl.isRevoked(r.cert())) {
                        throw new AssertionError("not on the CRL");
                    }
                    Object status = Pki.ocspStatus(base, root, r.cert());
                    if (!(status instanceof RevokedStatus)) {
                        throw new AssertionError("OCSP answers " + (status == null ? "good" : status));
                    }
                    if (openssl++ < 5) { // and a few through a second client
                        assertEquals("revoked", OcspAndMutualTlsIT.opensslOcsp(root, r.cert(), base), "openssl ocsp");
                    }
                } catch (Exception | AssertionError e) {
                    misses++;
                    problem(problems, where + e.getMessage());
                }
            }
        }
        return misses;
    }

    /**
     * The restarted server's log since its last launch: the application started, and no CWWKZ0002E (application
     * failed) and no error, ERROR or SEVERE line from or naming io.certgate.
     */
    private static List<String> restartProblems(String name) throws IOException {
        Path log = ServerDirs.wlp().resolve("usr/servers/" + name + "/logs/messages.log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).contains("CWWKE0001I")) { // "The server ... has been launched."
                from = n;
            }
        }
        List<String> problems = new ArrayList<>();
        boolean started = false;
        Pattern entry = Pattern.compile("^\\[[^\\]]+\\] \\S+ (\\S+)\\s+([A-Z]) (.*)$");
        for (String line : lines.subList(from, lines.size())) {
            started |= line.contains("CWWKZ0001I");
            Matcher m = entry.matcher(line);
            // logger names are cut to 60 characters from the left; certgate's are shorter
            boolean certgate = line.contains("io.certgate") || (m.matches() && m.group(1).contains("certgate"));
            boolean bad = line.contains("CWWKZ0002E") || (m.matches() && certgate && (m.group(2).equals("E")
                    || m.group(3).contains("ERROR") || m.group(3).contains("SEVERE")));
            if (bad) {
                problems.add(name + ": " + abbreviate(line));
            }
        }
        if (!started) {
            problems.add(name + ": no CWWKZ0001I (application started) since the restart");
        }
        return problems;
    }

    /**
     * What load used to put in the logs of both instances although every client was answered correctly: Liberty's
     * throttling of repeated messages (TRAS3016W), a failed authentication logged for EnOS and EST requests that then
     * succeeded (CWWKS1652A), and an EclipseLink exception with its stack trace per lost race (answered 1001 or
     * 11833 all the same). All files of each instance's log are read, from before and after the kill.
     */
    private static List<String> loadNoise(String name) throws IOException {
        Path logs = ServerDirs.wlp().resolve("usr/servers/" + name + "/logs");
        List<String> noise = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("messages")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    if ((line.contains("TRAS3016W") || line.contains("CWWKS1652A")
                            || line.contains("org.eclipse.persistence.exceptions")) && noise.size() < 10) {
                        noise.add(name + " " + file.getFileName() + ": " + abbreviate(line));
                    }
                }
            }
        }
        return noise;
    }

    private static void problem(List<String> problems, String s) {
        if (problems.size() < 30) {
            problems.add(abbreviate(s));
        }
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- the setup

    /** Instance a first, which makes the roots and bootstrap credentials; then b, which loads them. */
    private static void startBothOnAFreshDatabase() throws Exception {
        freshDatabase();
        for (int i = 0; i < 2; i++) {
            writeServer(i);
        }
        for (int i = 0; i < 2; i++) {
            ServerDirs.server("start", SERVERS.get(i));
            STARTED.add(SERVERS.get(i));
            awaitReady(i);
        }
    }

    private static void freshDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "certgate",
                System.getProperty("certgate.it.db.password"));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
    }

    /** A copy of the test server on its own ports, on the shared database and CA keystore password. */
    private static void writeServer(int i) throws IOException {
        Path dir = ServerDirs.copyOfTestServer(SERVERS.get(i), List.of("logs", "workarea", "certgate-data",
                "tranlog", "expanded", "derby.log", "configDropins"));
        Files.writeString(dir.resolve("server.env"), Files.readString(dir.resolve("server.env"))
                + "\nCERTGATE_DB=postgresql\nCERTGATE_DB_NAME=" + DB + "\nCERTGATE_DB_USER=certgate"
                + "\nCERTGATE_DB_PASSWORD=" + System.getProperty("certgate.it.db.password")
                + "\nCERTGATE_CA_KEYSTORE_PASSWORD=load-shared-keystore-password"
                + "\nCERTGATE_BOOTSTRAP_ORG=acme\nCERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS=" + RA
                + "\nHTTP_PORT=" + HTTP.get(i) + "\nHTTPS_PORT=" + HTTPS.get(i) + "\n");
    }

    /**
     * On instance a: a token of the bootstrap service account, a bi-directional product, 32 devices; and the RA
     * account's TLS, once both instances accept it.
     */
    private static Setup setup() throws IOException, InterruptedException {
        String base = "http://localhost:" + HTTP.get(0);
        Properties account = new Properties();
        try (InputStream in = Files.newInputStream(bootstrapFile("enos-service-account.properties"))) {
            account.load(in);
        }
        String org = account.getProperty("orgId");
        String token = token(base, account.getProperty("appKey"), account.getProperty("appSecret"));
        String productKey = setupCall(base, token, "/connect-service/v2.1/products?action=create&orgId=" + org,
                Json.createObjectBuilder().add("productName", Json.createObjectBuilder().add("defaultValue", "load"))
                        .add("productType", "Device").add("biDirectionalAuth", true).build()).getString("data");
        List<String> devices = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String deviceKey = String.format("load-%02d", c);
            setupCall(base, token, "/connect-service/v2.1/devices?action=create&orgId=" + org,
                    Json.createObjectBuilder().add("productKey", productKey).add("deviceKey", deviceKey)
                            .add("deviceName", Json.createObjectBuilder().add("defaultValue", deviceKey)).build());
            devices.add("orgId=" + org + "&productKey=" + productKey + "&deviceKey=" + deviceKey);
        }
        char[] password = Files.readString(bootstrapFile(RA + ".p12.password")).trim().toCharArray();
        SSLContext ra = RaAccount.tlsToAnyServer(Files.readAllBytes(bootstrapFile(RA + ".p12")), password);
        for (int i = 0; i < 2; i++) {
            awaitClientCertificateTrust(i, ra);
        }
        return new Setup(org, token, List.copyOf(devices), ra);
    }

    /** The documented token service at {@code base}: encryption = sha256_hex(appKey + timestamp + appSecret). */
    private static String token(String base, String appKey, String appSecret) {
        long ts = System.currentTimeMillis();
        JsonObject r = post(base + "/apim-token-service/v2.0/token/get", null, Json.createObjectBuilder()
                .add("appKey", appKey).add("encryption", Enos.sha256(appKey + ts + appSecret)).add("timestamp", ts)
                .build()).json();
        assertEquals(0, r.getInt("status"), r.toString());
        return r.getJsonObject("data").getString("accessToken");
    }

    private static JsonObject setupCall(String base, String token, String pathAndQuery, JsonObject body) {
        Reply r = post(base + pathAndQuery, token, body);
        assertEquals(200, r.status(), r.describe());
        JsonObject j = r.json();
        assertEquals(0, j.getInt("code"), j.toString());
        return j;
    }

    /** The bootstrap files are written by whichever instance did the first start. */
    private static Path bootstrapFile(String file) {
        for (String name : SERVERS) {
            Path p = ServerDirs.wlp().resolve("usr/servers/" + name + "/certgate-data/bootstrap/" + file);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new AssertionError("neither instance wrote the bootstrap file " + file);
    }

    /** Until HTTPS accepts the RA certificate: each instance writes its trust store at start, Liberty polls it. */
    private static void awaitClientCertificateTrust(int instance, SSLContext ra) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ra)
                .connectTimeout(CONNECT_TIMEOUT).build();
        String url = "https://localhost:" + HTTPS.get(instance) + "/vswebservices/rest/services/pickup";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                SymantecWire.Answer a = SymantecWire.post(client, url, "transaction_id=0");
                if (a.httpStatus() == 200) {
                    return;
                }
                last = a.outcome();
            } catch (AssertionError handshakeNotYet) {
                last = handshakeNotYet.getMessage();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(SERVERS.get(instance) + " does not accept the RA client certificate: " + last);
    }

    /** Both roots (RSA, ECC), the same on both instances. */
    private static List<X509Certificate> roots() {
        List<X509Certificate> roots = new ArrayList<>();
        for (String authority : List.of("RSA", "ECC")) {
            String a = get("http://localhost:" + HTTP.get(0) + "/enos/CA/cacert/" + authority).body();
            String b = get("http://localhost:" + HTTP.get(1) + "/enos/CA/cacert/" + authority).body();
            assertEquals(a, b, "one " + authority + " root for both instances");
            roots.add(Pki.cert(a));
        }
        return roots;
    }

    // ---------------------------------------------------------------------------------------------- servers

    /** The server's JVM: from {@code server status} ("... is running with process ID N"), else the process list. */
    private static long pid(String name) {
        try {
            Matcher m = Pattern.compile("process ID (\\d+)").matcher(ServerDirs.server("status", name));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        } catch (AssertionError statusFailed) {
            // the process list below tells
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("ws-server.jar")).orElse(false)
                        && p.info().arguments().map(a -> List.of(a).contains(name)).orElse(false))
                .map(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new AssertionError("no process of server " + name));
    }

    private static void kill9(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).redirectErrorStream(true).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill -9 " + pid + " timed out");
        assertEquals(0, kill.exitValue(), "kill -9 " + pid + ": "
                + new String(kill.getInputStream().readAllBytes(), UTF_8));
        Optional<ProcessHandle> jvm = ProcessHandle.of(pid);
        if (jvm.isPresent()) {
            jvm.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean ready(int instance) {
        return get("http://localhost:" + HTTP.get(instance) + "/health/ready").status() == 200;
    }

    private static void awaitReady(int instance) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            if (ready(instance)) {
                return;
            }
            Thread.sleep(1000);
        }
        Path log = ServerDirs.wlp().resolve("usr/servers/" + SERVERS.get(instance) + "/logs/messages.log");
        throw new AssertionError(SERVERS.get(instance) + " is not ready after 600 s: "
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "(no log)"));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP and SQL

    /** For setup, readiness and checks (the load's clients have their own, per instance). */
    private static final HttpClient CHECKS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    private static Reply get(String url) {
        return send(CHECKS, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static Reply post(String url, String token, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(CHECKS, b);
    }

    /** Every request has a timeout; a transport failure is an answer with status -1, not an exception. */
    static Reply send(HttpClient client, HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body(), null);
        } catch (IOException e) {
            return new Reply(-1, new byte[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, new byte[0], e);
        }
    }

    private static Connection loadDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DB, "certgate",
                System.getProperty("certgate.it.db.password"));
    }

    private static long sqlCount(String sql) throws Exception {
        try (Connection c = loadDatabase(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every certificate in the database by serial (lower-case hex, as the ledger stores it). */
    private static Map<String, DbCert> databaseCertificates() throws Exception {
        Map<String, DbCert> db = new HashMap<>();
        try (Connection c = loadDatabase(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SERIAL_NUMBER, CERT_SN, CERT_PEM, REVOKED FROM CG_CERTIFICATE")) {
            while (rs.next()) {
                db.put(rs.getString(1), new DbCert(String.valueOf(rs.getLong(2)), rs.getString(3), rs.getBoolean(4)));
            }
        }
        return db;
    }
}
