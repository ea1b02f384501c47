package io.certgate.ejb.common;

/**
 * Which part of a long list a caller wants: {@code limit} entries from {@code offset}; a negative offset or a limit
 * outside 1..{@value #MAX_LIMIT} is an {@link InvalidArgumentException}.
 */
public record PageRequest(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new InvalidArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first {@value #DEFAULT_LIMIT}. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_LIMIT);
    }
}
