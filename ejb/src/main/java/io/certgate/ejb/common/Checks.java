package io.certgate.ejb.common;

import java.util.regex.Pattern;

/** Argument checks shared by the business modules; each failure is an {@link InvalidArgumentException}. */
public final class Checks {

    /** Identifiers (orgId, productKey, deviceKey, assetId): letters, digits and _ - . : only. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

    private Checks() {
    }

    public static String identifier(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentException("invalid argument: " + name + " is required");
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidArgumentException("invalid argument: " + name
                    + " must be 1 to 64 letters, digits or _ - . :");
        }
        return value;
    }

    public static String text(String name, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidArgumentException("invalid argument: " + name + " is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidArgumentException("invalid argument: " + name + " is longer than " + maxLength
                    + " characters");
        }
        return value.trim();
    }

    public static int range(String name, Integer value, int defaultValue, int min, int max) {
        int v = value == null ? defaultValue : value;
        if (v < min || v > max) {
            throw new InvalidArgumentException("invalid argument: " + name + " must be between " + min + " and " + max);
        }
        return v;
    }
}
