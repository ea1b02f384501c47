package io.certgate.ejb.common;

import java.util.Locale;

/**
 * A column a list may be ordered by, as an enum constant: its name in a link or the admin API is the constant's
 * name in lower camel case ({@code NOT_AFTER} is {@code notAfter}), and its JPQL path is the list's own.
 */
public interface SortColumn {

    /** The enum constant's name. */
    String name();

    /** The JPQL path the ORDER BY names ({@code c.signedAt}). */
    String path();

    /** The name a link or the admin API writes: {@code issued}, {@code notAfter}, {@code certSn}. */
    default String key() {
        StringBuilder b = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            b.append(b.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return b.toString();
    }
}
