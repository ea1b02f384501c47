package io.certgate.ejb.common;

import java.security.SecureRandom;

/** Unpredictable identifiers (product keys, asset ids, device keys and secrets). */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private RandomIds() {
    }

    public static String alphanumeric(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }

    public static SecureRandom secureRandom() {
        return RANDOM;
    }

    /** {@code bytes} random bytes as unpadded base64url (passwords, tokens, keys). */
    public static String base64Url(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
