package io.certgate.domain.ca;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One generation of a root: the first generation of each algorithm is the root the server started with
 * ({@code RSA}, {@code ECC}); later ones come from the root ceremony ({@code RSA-G2}, {@code ECC-G3}). The text form
 * names it in URLs, the admin API and the database.
 */
public record RootId(IssueAuthority authority, int generation) implements Comparable<RootId> {

    private static final Pattern TEXT = Pattern.compile("(RSA|ECC)(?:-G([1-9][0-9]{0,2}))?");

    public RootId {
        if (authority == null || generation < 1 || generation > 999) {
            throw new IllegalArgumentException("a root generation is 1 to 999 of RSA or ECC");
        }
    }

    /** The first generation: the root the server made or was given at its first start. */
    public static RootId first(IssueAuthority authority) {
        return new RootId(authority, 1);
    }

    /** {@code RSA}, {@code ecc}, {@code RSA-G2} (case-insensitive); empty for anything else. */
    public static Optional<RootId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RootId(IssueAuthority.valueOf(m.group(1)),
                m.group(2) == null ? 1 : Integer.parseInt(m.group(2))));
    }

    public boolean isFirst() {
        return generation == 1;
    }

    @Override
    public int compareTo(RootId other) {
        int a = authority.compareTo(other.authority);
        return a != 0 ? a : Integer.compare(generation, other.generation);
    }

    @Override
    public String toString() {
        return generation == 1 ? authority.name() : authority.name() + "-G" + generation;
    }
}
