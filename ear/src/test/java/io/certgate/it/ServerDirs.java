package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Further Liberty servers beside the test server: copied from its directory, started and stopped by name. */
final class ServerDirs {

    private ServerDirs() {
    }

    static Path wlp() {
        return Path.of(System.getProperty("certgate.wlp.dir", "target/liberty/wlp"));
    }

    /** A fresh copy of the test server's directory (configuration, application, JDBC drivers) under a new name. */
    static Path copyOfTestServer(String name, List<String> skip) throws IOException {
        Path template = wlp().resolve("usr/servers/" + System.getProperty("certgate.server.name", "certgate"));
        Path dir = wlp().resolve("usr/servers/" + name);
        deleteTree(dir);
        try (Stream<Path> all = Files.walk(template)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = template.relativize(p);
                boolean skipped = false;
                for (Path part : rel) {
                    skipped |= skip.contains(part.toString());
                }
                if (!skipped) {
                    Path target = dir.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return dir;
    }

    /**
     * {@code bin/server <command> <name>}, which must succeed within 180 s (a start: 300 s, for an instance restarted
     * while the other serves 32 clients on the same two cores, where Liberty's kernel and features alone were seen to
     * take over two minutes); its output.
     */
    static String server(String command, String name) {
        try {
            Process p = new ProcessBuilder(wlp().resolve("bin/server").toString(), command, name)
                    .redirectErrorStream(true).start();
            int seconds = "start".equals(command) ? 300 : 180;
            assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "server " + command + " " + name + " timed out");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "server " + command + " " + name + ": " + out);
            return out;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Waits up to 180 s for another instance's readiness at {@code base}; its log in the failure otherwise. */
    static void awaitReady(String base, Path serverDir, String what) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(180));
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                if (java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/health/ready")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(what + " is not ready after 180 s: "
                + Files.readString(serverDir.resolve("logs/messages.log")));
    }

    /** An EnOS access token of another instance's bootstrap service account (encryption = sha256(key+ts+secret)). */
    static String enosToken(String base, Path serverDir) throws IOException, InterruptedException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Files.newInputStream(serverDir.resolve(
                "certgate-data/bootstrap/enos-service-account.properties"))) {
            p.load(in);
        }
        long ts = System.currentTimeMillis();
        String body = "{\"appKey\":\"" + p.getProperty("appKey") + "\",\"encryption\":\""
                + Enos.sha256(p.getProperty("appKey") + ts + p.getProperty("appSecret")) + "\",\"timestamp\":" + ts + "}";
        String answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/apim-token-service/v2.0/token/get")).header("Content-Type",
                "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        try (var r = jakarta.json.Json.createReader(new java.io.StringReader(answer))) {
            return r.readObject().getJsonObject("data").getString("accessToken");
        }
    }
}
