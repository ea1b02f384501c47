package io.certgate.ejb.common;

import java.util.Locale;

/**
 * Case-insensitive substring search in JPQL ({@code LOWER(field) LIKE :p ESCAPE '!'}) for every filter that offers
 * one: {@link #containing} makes the pattern, so that a searched {@code %} or {@code _} matches itself.
 */
public final class LikePatterns {

    public static final char ESCAPE = '!';

    private LikePatterns() {
    }

    /** {@code %substring%}, lower case, with the LIKE wildcards of the substring escaped. */
    public static String containing(String substring) {
        StringBuilder b = new StringBuilder("%");
        for (char ch : substring.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                b.append(ESCAPE);
            }
            b.append(ch);
        }
        return b.append('%').toString();
    }
}
