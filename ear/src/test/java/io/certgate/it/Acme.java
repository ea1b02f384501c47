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

    /** A JWS in the flattened serialization, signed ES256 with this key (P-256). */
    static String es256(JsonObject header, String payload, java.security.PrivateKey key) throws Exception {
        // the JDK's own key and provider: a key read through BouncyCastle (once another test registered it) is
        // an "ECDSA" key that the JDK's P1363 signature refuses
        java.security.PrivateKey jdkKey = java.security.KeyFactory.getInstance("EC", "SunEC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()));
        java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        s.initSign(jdkKey);
        s.update(signingInput(header, payload));
        return flattened(header, payload, s.sign());
    }

    static byte[] signingInput(JsonObject header, String payload) {
        return (b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(
                StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
    }

    static String flattened(JsonObject header, String payload, byte[] signature) {
        return Json.createObjectBuilder().add("protected", b64(header.toString().getBytes(StandardCharsets.UTF_8)))
                .add("payload", b64(payload.getBytes(StandardCharsets.UTF_8))).add("signature", b64(signature)).build()
                .toString();
    }

    /** The JWK of a P-256 public key. */
    static JsonObject jwk(java.security.interfaces.ECPublicKey key) {
        return Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256")
                .add("x", b64(fixed(key.getW().getAffineX()))).add("y", b64(fixed(key.getW().getAffineY()))).build();
    }

    private static byte[] fixed(java.math.BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    static String b64(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
