package io.certgate.ejb.acme;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The JWS and JWK rules every ACME request passes before anything reads its payload. */
class JwsTest {

    private static final String URL = "https://ca.example/acme/o/new-order";

    @Test
    void rfc7638ThumbprintsOfRsaAndEd25519Keys() {
        Jwk rsa = Jwk.parse(json("{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}"));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", rsa.thumbprint());
        Jwk ed = Jwk.parse(json("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}"));
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", ed.thumbprint());
        assertEquals(ed.thumbprint(), Jwk.of(ed.key()).thumbprint(), "a key's JWK is the same JWK");
        assertEquals(rsa.thumbprint(), Jwk.of(rsa.key()).thumbprint());
    }

    @Test
    void es256Rs256AndEdDsaSignaturesVerify() throws Exception {
        for (String[] kind : new String[][] {{"EC", "ES256", "SHA256withECDSAinP1363Format"},
                {"RSA", "RS256", "SHA256withRSA"}, {"Ed25519", "EdDSA", "Ed25519"}}) {
            KeyPair key = keys(kind[0]);
            Jwk jwk = Jwk.of(key.getPublic());
            String body = signed(header(kind[1], jwk, null), "{\"a\":1}", key, kind[2]);
            Jws jws = Jws.parse(body);
            assertDoesNotThrow(() -> jws.verify(jwk), kind[1]);
            assertEquals(1, jws.payloadObject().getInt("a"));
            KeyPair other = keys(kind[0]);
            AcmeException e = assertThrows(AcmeException.class, () -> jws.verify(Jwk.of(other.getPublic())));
            assertEquals(AcmeError.MALFORMED, e.error(), "another key's signature does not verify");
        }
    }

    @Test
    void algNoneMacsAndMismatchedKeysAreRefused() throws Exception {
        KeyPair key = keys("EC");
        Jwk jwk = Jwk.of(key.getPublic());
        JsonObject none = Json.createObjectBuilder(header("ES256", jwk, null)).add("alg", "none").build();
        assertEquals(AcmeError.BAD_SIGNATURE_ALGORITHM, refusal(flattened(none, "{}", new byte[0])));
        JsonObject hs = Json.createObjectBuilder(header("ES256", jwk, null)).add("alg", "HS256").build();
        assertEquals(AcmeError.BAD_SIGNATURE_ALGORITHM, refusal(flattened(hs, "{}", new byte[32])));
        // RS256 claimed for an EC key
        Jws rs = Jws.parse(signed(header("RS256", jwk, null), "{}", key, "SHA256withECDSAinP1363Format"));
        assertEquals(AcmeError.BAD_SIGNATURE_ALGORITHM, assertThrows(AcmeException.class, () -> rs.verify(jwk)).error());
    }

    @Test
    void theHeaderNeedsUrlNonceAndExactlyOneOfJwkAndKid() throws Exception {
        KeyPair key = keys("EC");
        Jwk jwk = Jwk.of(key.getPublic());
        String sig = "SHA256withECDSAinP1363Format";
        assertEquals(AcmeError.MALFORMED, refusal(signed(header("ES256", jwk, "https://ca.example/acme/o/account/1"),
                "{}", key, sig)), "both jwk and kid");
        assertEquals(AcmeError.MALFORMED, refusal(signed(header("ES256", null, null), "{}", key, sig)), "neither");
        JsonObject noUrl = Json.createObjectBuilder(header("ES256", jwk, null)).remove("url").build();
        assertEquals(AcmeError.MALFORMED, refusal(signed(noUrl, "{}", key, sig)));
        JsonObject noNonce = Json.createObjectBuilder(header("ES256", jwk, null)).remove("nonce").build();
        assertEquals(AcmeError.BAD_NONCE, refusal(signed(noNonce, "{}", key, sig)));
        JsonObject crit = Json.createObjectBuilder(header("ES256", jwk, null)).add("crit", Json.createArrayBuilder()
                .add("x")).build();
        assertEquals(AcmeError.MALFORMED, refusal(signed(crit, "{}", key, sig)));
    }

    @Test
    void onlyFlattenedJwsOfBoundedSizeWithUnpaddedBase64url() throws Exception {
        KeyPair key = keys("EC");
        Jwk jwk = Jwk.of(key.getPublic());
        String good = signed(header("ES256", jwk, null), "{}", key, "SHA256withECDSAinP1363Format");
        assertEquals(AcmeError.MALFORMED, refusal(good.replace("\"protected\"", "\"header\":{},\"protected\"")));
        assertEquals(AcmeError.MALFORMED, refusal(good.replace("\",\"payload\"", "=\",\"payload\"")), "padding");
        assertEquals(AcmeError.MALFORMED, refusal("[]"));
        assertEquals(AcmeError.MALFORMED, refusal(""));
        assertEquals(AcmeError.MALFORMED, refusal("{\"protected\":\"" + "A".repeat(Jws.MAX_BYTES) + "\"}"));
        assertEquals(AcmeError.BAD_SIGNATURE_ALGORITHM, refusal(
                "{\"protected\":\"e30\",\"payload\":\"\",\"signature\":\"\"}"), "a header without alg");
    }

    @Test
    void keysOutsideThePolicyAreBadPublicKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        AcmeException weak = assertThrows(AcmeException.class, () -> Jwk.of(g.generateKeyPair().getPublic()));
        assertEquals(AcmeError.BAD_PUBLIC_KEY, weak.error());
        JsonObject ec = json(Jwk.of(keys("EC").getPublic()).canonical());
        JsonObject offCurve = Json.createObjectBuilder(ec).add("y", ec.getString("x")).build();
        assertEquals(AcmeError.BAD_PUBLIC_KEY, assertThrows(AcmeException.class, () -> Jwk.parse(offCurve)).error());
        JsonObject secret = Json.createObjectBuilder(ec).add("d", "AAAA").build();
        assertEquals(AcmeError.BAD_PUBLIC_KEY, assertThrows(AcmeException.class, () -> Jwk.parse(secret)).error());
        assertEquals(AcmeError.BAD_PUBLIC_KEY, assertThrows(AcmeException.class,
                () -> Jwk.parse(json("{\"kty\":\"oct\",\"k\":\"AAAA\"}"))).error());
    }

    @Test
    void anExternalAccountBindingMacVerifiesWithItsKeyOnly() throws Exception {
        byte[] hmac = new byte[32];
        hmac[0] = 7;
        JsonObject header = Json.createObjectBuilder().add("alg", "HS256").add("kid", "eab-1").add("url", URL).build();
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(hmac, "HmacSHA256"));
        String payload = Jwk.of(keys("EC").getPublic()).canonical();
        Jws eab = Jws.parseAny(flattened(header, payload, m.doFinal(input(header, payload))));
        assertTrue(eab.macValid(hmac));
        assertTrue(!eab.macValid(new byte[32]));
    }

    private static AcmeError refusal(String body) {
        return assertThrows(AcmeException.class, () -> Jws.parse(body)).error();
    }

    private static KeyPair keys(String kind) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(kind);
        if (kind.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else if (kind.equals("RSA")) {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static JsonObject header(String alg, Jwk jwk, String kid) {
        var b = Json.createObjectBuilder().add("alg", alg).add("nonce", "bm9uY2U").add("url", URL);
        if (jwk != null) {
            b.add("jwk", json(jwk.canonical()));
        }
        if (kid != null) {
            b.add("kid", kid);
        }
        return b.build();
    }

    private static String signed(JsonObject header, String payload, KeyPair key, String algorithm) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key.getPrivate());
        s.update(input(header, payload));
        return flattened(header, payload, s.sign());
    }

    private static byte[] input(JsonObject header, String payload) {
        return (b64(header.toString()) + "." + b64(payload)).getBytes(StandardCharsets.US_ASCII);
    }

    private static String flattened(JsonObject header, String payload, byte[] signature) {
        return "{\"protected\":\"" + b64(header.toString()) + "\",\"payload\":\"" + b64(payload) + "\",\"signature\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature) + "\"}";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String s) {
        return Json.createReader(new java.io.StringReader(s)).readObject();
    }
}
