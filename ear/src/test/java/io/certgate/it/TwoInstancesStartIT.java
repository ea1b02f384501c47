package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on one empty PostgreSQL database (as an orchestrator starts
 * replicas): both become ready, serve the same pair of roots, and the database holds one of each first-start
 * object (CA keystore, secrets key, admin, bootstrap credentials). Runs in the PostgreSQL pass of .ci/run
 * ({@code -Ppostgresql}); skipped on Derby, which one process owns.
 */
class TwoInstancesStartIT {

    static final String DB = "certgate_race";
    static final List<String> SERVERS = List.of("certgate-race-a", "certgate-race-b");
    static final List<Integer> HTTP = List.of(9182, 9183);
    static final List<Integer> HTTPS = List.of(9545, 9546);
    static final List<String> STARTED = new ArrayList<>();

    @Test
    void bothStartOnAnEmptyDatabaseWithOnePairOfRoots() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("certgate.it.postgresql"), "the PostgreSQL pass runs this");
        String password = System.getProperty("certgate.it.db.password");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "certgate", password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
        Path wlp = ServerDirs.wlp();
        for (int i = 0; i < 2; i++) {
            Path dir = ServerDirs.copyOfTestServer(SERVERS.get(i), List.of("logs", "workarea", "certgate-data",
                    "tranlog", "expanded", "derby.log", "configDropins"));
            Files.writeString(dir.resolve("server.env"), Files.readString(dir.resolve("server.env"))
                    + "\nCERTGATE_DB=postgresql\nCERTGATE_DB_NAME=" + DB + "\nCERTGATE_DB_USER=certgate"
                    + "\nCERTGATE_DB_PASSWORD=" + password
                    + "\nCERTGATE_CA_KEYSTORE_PASSWORD=race-shared-keystore-password"
                    + "\nCERTGATE_BOOTSTRAP_ORG=acme\nCERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS=ra-race:approver"
                    + "\nHTTP_PORT=" + HTTP.get(i) + "\nHTTPS_PORT=" + HTTPS.get(i) + "\n");
        }
        // within a second of each other: both `server start` run at once
        List<CompletableFuture<String>> starts = new ArrayList<>();
        for (String name : SERVERS) {
            starts.add(CompletableFuture.supplyAsync(() -> ServerDirs.server("start", name)));
            STARTED.add(name);
        }
        for (CompletableFuture<String> f : starts) {
            f.get(200, TimeUnit.SECONDS);
        }
        List<String> rsaRoots = new ArrayList<>();
        List<String> eccRoots = new ArrayList<>();
        for (int port : HTTP) {
            String base = "http://localhost:" + port;
            awaitReady(base, wlp);
            rsaRoots.add(get(base + "/enos/CA/cacert/RSA").body());
            eccRoots.add(get(base + "/enos/CA/cacert/ECC").body());
            // the application is deployed, not a 404: an API answers (refusing an unauthenticated call)
            assertEquals(401, get(base + "/connect-service/v2.0/certificates?action=list&orgId=acme").statusCode());
        }
        assertEquals(rsaRoots.get(0), rsaRoots.get(1), "one RSA root for both");
        assertEquals(eccRoots.get(0), eccRoots.get(1), "one ECC root for both");
        assertTrue(rsaRoots.get(0).contains("BEGIN CERTIFICATE"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DB, "certgate", password);
             Statement s = c.createStatement()) {
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_KEYSTORE WHERE NAME = 'ca'"), "one CA keystore");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_KEYSTORE WHERE NAME = 'secrets'"), "one secrets key");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_ADMIN_USER"), "one bootstrap admin");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_RA_ACCOUNT WHERE NAME = 'ra-race'"), "one RA account");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_API_CREDENTIAL WHERE KIND = 'ENOS_APP'"),
                    "one bootstrap EnOS service account");
            assertEquals(7, count(s, "SELECT MAX(SCHEMA_VERSION) FROM CG_SCHEMA_VERSION"), "the schema, once");
            assertEquals(7, count(s, "SELECT COUNT(*) FROM DATABASECHANGELOG"), "each change set ran once");
        }
    }

    @AfterAll
    static void stop() {
        for (String name : STARTED) {
            ServerDirs.server("stop", name);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitReady(String base, Path wlp) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(base + "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (AssertionError notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        StringBuilder logs = new StringBuilder();
        for (String name : SERVERS) {
            Path log = wlp.resolve("usr/servers/" + name + "/logs/messages.log");
            logs.append(name).append(": ").append(Files.exists(log) ? Files.readString(log) : "(no log)").append('\n');
        }
        throw new AssertionError(base + " is not ready after 180 s\n" + logs);
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
