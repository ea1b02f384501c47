package io.certgate.ejb.acme;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JWS in the flattened JSON serialization that every ACME request is (RFC 8555 6.2): its protected header, its
 * payload and its signature, parsed within limits. Refused: anything but a JSON object of {@code protected},
 * {@code payload} and {@code signature} (no unprotected header, no general serialization), base64 other than
 * unpadded base64url, an algorithm other than RS256, ES256, ES384 or EdDSA (so never {@code none} nor a MAC), a header
 * without {@code url}, or with both or neither of {@code jwk} and {@code kid}, and unknown critical extensions. Pure
 * and thread-safe; {@link #verify} checks the signature with the key the caller chose.
 */
public record Jws(JsonObject header, String alg, String nonce, String url, String kid, JsonObject jwk,
                  byte[] payload, byte[] signingInput, byte[] signature) {

    /** A request body larger than this is refused before it is parsed (an account key of 4096 bits fits easily). */
    public static final int MAX_BYTES = 32 * 1024;
    static final Set<String> ALGORITHMS = Set.of("RS256", "ES256", "ES384", "EdDSA");
    private static final Map<String, String> JCA = Map.of("RS256", "SHA256withRSA",
            "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format", "EdDSA", "Ed25519");
    private static final Map<String, String> MACS = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384",
            "HS512", "HmacSHA512");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    /** The outer JWS of a request: one of the signature algorithms, a nonce, a url, a jwk or a kid. */
    public static Jws parse(String body) {
        Jws jws = parseAny(body);
        if (!ALGORITHMS.contains(jws.alg)) {
            throw new AcmeException(AcmeError.BAD_SIGNATURE_ALGORITHM, "the algorithm " + Jwk.printable(jws.alg)
                    + " is not accepted; use RS256, ES256, ES384 or EdDSA");
        }
        if ((jws.kid == null) == (jws.jwk == null)) {
            throw malformed("the protected header must have exactly one of jwk and kid");
        }
        if (jws.nonce == null) {
            throw new AcmeException(AcmeError.BAD_NONCE, "the protected header has no nonce");
        }
        return jws;
    }

    /** Any JWS of the flattened serialization (also the MAC of an external account binding), unverified. */
    static Jws parseAny(String body) {
        if (body == null || body.isEmpty()) {
            throw malformed("the request has no body; ACME requests are JWS (application/jose+json)");
        }
        if (body.length() > MAX_BYTES) {
            throw malformed("the request is larger than " + MAX_BYTES + " bytes");
        }
        JsonObject o = object(body, "the request is not a JSON object");
        if (o.containsKey("header") || o.containsKey("signatures")) {
            throw malformed("only the flattened JWS serialization with a protected header is accepted");
        }
        String protectedB64 = string(o, "protected");
        String payloadB64 = string(o, "payload");
        String signatureB64 = string(o, "signature");
        if (protectedB64 == null || payloadB64 == null || signatureB64 == null) {
            throw malformed("a JWS needs protected, payload and signature");
        }
        JsonObject header = object(new String(base64Url(protectedB64), StandardCharsets.UTF_8),
                "the protected header is not a JSON object");
        String alg = string(header, "alg");
        if (alg == null) {
            throw new AcmeException(AcmeError.BAD_SIGNATURE_ALGORITHM, "the protected header has no alg");
        }
        if (header.containsKey("crit")) {
            throw malformed("no critical header extension is understood");
        }
        if (header.containsKey("b64")) {
            throw malformed("the b64 header is not accepted");
        }
        String url = string(header, "url");
        if (url == null) {
            throw malformed("the protected header has no url");
        }
        JsonValue jwk = header.get("jwk");
        if (jwk != null && jwk.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("the jwk is not an object");
        }
        String kid = string(header, "kid");
        if (header.containsKey("kid") && kid == null) {
            throw malformed("the kid is not a string");
        }
        String nonce = string(header, "nonce");
        if (header.containsKey("nonce") && (nonce == null || nonce.isEmpty() || !BASE64URL.matcher(nonce).matches())) {
            throw new AcmeException(AcmeError.BAD_NONCE, "the nonce is not base64url");
        }
        byte[] signingInput = (protectedB64 + "." + payloadB64).getBytes(StandardCharsets.US_ASCII);
        return new Jws(header, alg, nonce, url, kid, jwk == null ? null : jwk.asJsonObject(), base64Url(payloadB64),
                signingInput, base64Url(signatureB64));
    }

    /** Whether the signature verifies with this key, which must suit the algorithm. */
    public void verify(Jwk key) {
        if (!key.suits(alg)) {
            throw new AcmeException(AcmeError.BAD_SIGNATURE_ALGORITHM, "the algorithm " + alg
                    + " does not suit the key");
        }
        boolean valid;
        try {
            Signature s = Signature.getInstance(JCA.get(alg));
            s.initVerify(key.key());
            s.update(signingInput);
            valid = s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw malformed("the JWS signature does not verify");
        }
    }

    /** Whether this is a MAC (an external account binding's: HS256, HS384, HS512) made with this key. */
    boolean macValid(byte[] key) {
        String mac = MACS.get(alg);
        if (mac == null) {
            return false;
        }
        try {
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(key, mac));
            return MessageDigest.isEqual(m.doFinal(signingInput), signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The payload as a JSON object; {@link AcmeError#MALFORMED} when it is not one. */
    public JsonObject payloadObject() {
        return object(new String(payload, StandardCharsets.UTF_8), "the payload is not a JSON object");
    }

    /** Whether the payload is empty: a POST-as-GET (RFC 8555 6.3). */
    public boolean postAsGet() {
        return payload.length == 0;
    }

    /** Unpadded base64url only (RFC 8555 6.1); {@link AcmeError#MALFORMED} otherwise. */
    public static byte[] base64Url(String value) {
        if (value == null || !BASE64URL.matcher(value).matches() || value.length() % 4 == 1) {
            throw malformed("a value is not unpadded base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed("a value is not unpadded base64url");
        }
    }

    static JsonObject object(String text, String refusal) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
            throw malformed(refusal);
        } catch (JsonException e) {
            throw malformed(refusal);
        }
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    static AcmeException malformed(String message) {
        return new AcmeException(AcmeError.MALFORMED, message);
    }
}
