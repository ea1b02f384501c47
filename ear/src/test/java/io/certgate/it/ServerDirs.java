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

    /** {@code bin/server <command> <name>}, which must succeed within 180 s; its output. */
    static String server(String command, String name) {
        try {
            Process p = new ProcessBuilder(wlp().resolve("bin/server").toString(), command, name)
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "server " + command + " " + name + " timed out");
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
}
