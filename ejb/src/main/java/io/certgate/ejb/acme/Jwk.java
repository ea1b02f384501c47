package io.certgate.ejb.acme;

import io.certgate.ejb.common.Digests;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.ECFieldFp;
import java.util.Base64;
import java.util.Map;

/**
 * A JSON Web Key (RFC 7517) of an account or a certificate, as ACME clients send them: RSA of 2048 to 4096 bits, EC
 * on P-256 or P-384, or Ed25519 (OKP). {@link #canonical()} is the RFC 7638 form (the required members in
 * lexicographic order, no white space): what is stored, and what the {@link #thumbprint()} hashes. Pure and
 * thread-safe.
 */
public record Jwk(PublicKey key, String canonical, String thumbprint) {

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 4096;
    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1");

    /** The key a JWK describes; {@link AcmeError#BAD_PUBLIC_KEY} for anything else (a private key, a weak key). */
    public static Jwk parse(JsonObject jwk) {
        if (jwk == null) {
            throw bad("no jwk");
        }
        if (jwk.containsKey("d") || jwk.containsKey("p") || jwk.containsKey("k")) {
            throw bad("the jwk holds private or symmetric key material");
        }
        String kty = member(jwk, "kty");
        try {
            return switch (kty) {
                case "RSA" -> rsa(member(jwk, "n"), member(jwk, "e"));
                case "EC" -> ec(member(jwk, "crv"), member(jwk, "x"), member(jwk, "y"));
                case "OKP" -> okp(member(jwk, "crv"), member(jwk, "x"));
                default -> throw bad("key type " + printable(kty) + " is not supported (RSA, EC, OKP)");
            };
        } catch (GeneralSecurityException e) {
            throw bad("the jwk is not a usable public key");
        }
    }

    /** The JWK of a stored canonical form. */
    public static Jwk parseCanonical(String canonical) {
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(canonical))) {
            return parse(r.readObject());
        }
    }

    /** The JWK of a key (a certificate's key, for revocation by that key): RSA, EC P-256/P-384, Ed25519. */
    public static Jwk of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa(b64(unsigned(rsa.getModulus())), b64(unsigned(rsa.getPublicExponent())));
        }
        if (key instanceof ECPublicKey ec) {
            int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            String crv = size == 32 ? "P-256" : size == 48 ? "P-384" : null;
            if (crv == null) {
                throw bad("the EC key is on neither P-256 nor P-384");
            }
            try {
                return ec(crv, b64(fixed(ec.getW().getAffineX(), size)), b64(fixed(ec.getW().getAffineY(), size)));
            } catch (GeneralSecurityException e) {
                throw bad("the EC key is not usable");
            }
        }
        if (key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName())) {
            byte[] y = fixed(ed.getPoint().getY(), 32);
            byte[] little = new byte[32];
            for (int i = 0; i < 32; i++) {
                little[i] = y[31 - i];
            }
            if (ed.getPoint().isXOdd()) {
                little[31] |= (byte) 0x80;
            }
            try {
                return okp("Ed25519", b64(little));
            } catch (GeneralSecurityException e) {
                throw bad("the Ed25519 key is not usable");
            }
        }
        throw bad("the key is neither RSA, EC nor Ed25519");
    }

    /** Whether this key signs with the JWS algorithm (RS256; ES256 on P-256; ES384 on P-384; EdDSA on Ed25519). */
    public boolean suits(String alg) {
        return switch (alg) {
            case "RS256" -> key instanceof RSAPublicKey;
            case "ES256" -> key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
            case "ES384" -> key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384;
            case "EdDSA" -> key instanceof EdECPublicKey;
            default -> false;
        };
    }

    private static Jwk rsa(String n, String e) {
        BigInteger modulus = new BigInteger(1, decode(n, "n"));
        BigInteger exponent = new BigInteger(1, decode(e, "e"));
        int bits = modulus.bitLength();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw bad("an RSA key must have " + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits, not " + bits);
        }
        if (!exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0) {
            throw bad("the RSA public exponent is not usable");
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            return of(key, "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}");
        } catch (GeneralSecurityException x) {
            throw bad("the RSA key is not usable");
        }
    }

    private static Jwk ec(String crv, String x, String y) throws GeneralSecurityException {
        String curve = CURVES.get(crv);
        if (curve == null) {
            throw bad("curve " + printable(crv) + " is not supported (P-256, P-384)");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        int size = (spec.getCurve().getField().getFieldSize() + 7) / 8;
        byte[] xb = decode(x, "x");
        byte[] yb = decode(y, "y");
        if (xb.length != size || yb.length != size) {
            throw bad("the EC coordinates must have " + size + " bytes each");
        }
        ECPoint point = new ECPoint(new BigInteger(1, xb), new BigInteger(1, yb));
        if (!onCurve(point, spec)) {
            throw bad("the EC point is not on " + crv);
        }
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
        return of(key, "{\"crv\":\"" + crv + "\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}");
    }

    private static Jwk okp(String crv, String x) throws GeneralSecurityException {
        if (!"Ed25519".equals(crv)) {
            throw bad("curve " + printable(crv) + " is not supported (Ed25519)");
        }
        byte[] little = decode(x, "x");
        if (little.length != 32) {
            throw bad("an Ed25519 key has 32 bytes");
        }
        boolean xOdd = (little[31] & 0x80) != 0;
        byte[] big = new byte[32];
        for (int i = 0; i < 32; i++) {
            big[i] = little[31 - i];
        }
        big[0] &= 0x7f;
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(
                NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, big))));
        return of(key, "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}");
    }

    private static Jwk of(PublicKey key, String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new Jwk(key, canonical, b64(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onCurve(ECPoint p, ECParameterSpec spec) {
        BigInteger prime = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = p.getAffineX();
        BigInteger y = p.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(prime);
        BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(prime);
        return left.equals(right);
    }

    /** A member that must be a string (the RFC 7638 members are). */
    private static String member(JsonObject jwk, String name) {
        JsonValue v = jwk.get(name);
        if (!(v instanceof JsonString s) || s.getString().isEmpty()) {
            throw bad("the jwk has no " + name);
        }
        return s.getString();
    }

    private static byte[] decode(String value, String name) {
        try {
            return Jws.base64Url(value);
        } catch (AcmeException e) {
            throw bad("the jwk's " + name + " is not base64url");
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] b = unsigned(v);
        byte[] out = new byte[size];
        System.arraycopy(b, 0, out, size - b.length, b.length);
        return out;
    }

    private static AcmeException bad(String message) {
        return new AcmeException(AcmeError.BAD_PUBLIC_KEY, message);
    }

    static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The SHA-256 of the key's DER SubjectPublicKeyInfo, hex (the ledger's key hash). */
    public String publicKeySha256() {
        return Digests.sha256Hex(key.getEncoded());
    }
}
