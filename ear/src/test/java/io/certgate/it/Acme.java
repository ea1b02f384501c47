package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the ACME tests share: an organization with a name policy and binding keys, the roots as a file, processes. */
final class Acme {

    private Acme() {
    }

    /** A new organization whose name policy is the DNS suffix {@code <org>.example}. */
    static String newOrg() {
        String org = "acme" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5));
        Http.Answer set = Admin.putJson("/admin/api/orgs/" + org + "/name-policy", Json.createObjectBuilder()
                .add("dnsSuffixes", Json.createArrayBuilder().add(org + ".example")).build().toString());
        assertEquals(200, set.status(), "name policy: " + set.body());
        return org;
    }

    /** A new external account binding key of the organization: {orgId, keyId, hmacKey}. */
    static JsonObject eabKey(String org) {
        Http.Answer a = Admin.post("/admin/api/orgs/" + org + "/acme/eab-keys");
        assertEquals(201, a.status(), "admin API makes an EAB key: " + a.body());
        return a.json();
    }

    static String directory(String org) {
        return RaAccount.HTTPS + "/acme/" + org + "/directory";
    }

    /** Both roots (RSA, ECC) in one PEM file: what the ACME clients trust, and what openssl verifies against. */
    static Path roots(Path dir) throws Exception {
        Path file = dir.resolve("roots.pem");
        Files.writeString(file, Pki.pem("CERTIFICATE", Pki.root("RSA").getEncoded())
                + Pki.pem("CERTIFICATE", Pki.root("ECC").getEncoded()));
        return file;
    }

    /** A finished process: exit code and output (stdout and stderr together). */
    record Run(int exit, String output) {
    }

    /** Runs a command with extra environment, in a directory, for at most this many seconds. */
    static Run run(Path dir, Map<String, String> env, int seconds, String... command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        b.environment().putAll(env);
        Process p = b.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes(); // ends with the process
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** openssl verify of a PEM bundle (leaf first, then the issuing CA) against the roots. */
    static Run verify(Path dir, Path roots, Path bundle) throws Exception {
        String pem = Files.readString(bundle);
        List<String> certs = new ArrayList<>();
        for (String part : pem.split("(?=-----BEGIN CERTIFICATE-----)")) {
            if (part.contains("BEGIN CERTIFICATE")) {
                certs.add(part.strip() + "\n");
            }
        }
        Path leaf = Files.writeString(dir.resolve("leaf.pem"), certs.get(0));
        Path chain = Files.writeString(dir.resolve("chain.pem"), String.join("", certs.subList(1, certs.size())));
        return run(dir, Map.of(), 30, "openssl", "verify", "-CAfile", roots.toString(), "-untrusted",
                chain.toString(), "-purpose", "sslserver", leaf.toString());
    }
}
