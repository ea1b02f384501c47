package io.certgate.ejb.enrollment;

import io.certgate.ejb.common.RandomIds;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Challenge phrases are stored only as salted PBKDF2-HMAC-SHA256 hashes:
 * {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. Comparison is constant-time.
 */
public final class ChallengePhrases {

    static final int ITERATIONS = 60_000;
    private static final String PREFIX = "pbkdf2-sha256";

    private ChallengePhrases() {
    }

    public static String hash(String phrase) {
        byte[] salt = new byte[16];
        RandomIds.secureRandom().nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(phrase, salt, ITERATIONS));
    }

    public static boolean matches(String phrase, String stored) {
        if (phrase == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(phrase, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String phrase, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(phrase.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

}
