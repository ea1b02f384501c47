package io.certgate.web.console;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Tokens good for one use each: a form that shows a secret once carries one, and its action runs only when the
 * token is still open. A browser reload of the answer posts the same token again (and the same view state, which
 * the session still holds), so the second post is refused instead of creating or rotating a second credential.
 * Only the newest {@code capacity} tokens stay open: a page left open behind many others has to be loaded again.
 */
final class OneShotTokens implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int capacity;
    private final LinkedHashSet<String> open = new LinkedHashSet<>();

    OneShotTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** A new open token (unguessable), closing the oldest beyond the capacity. */
    synchronized String issue() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        open.add(token);
        for (Iterator<String> oldest = open.iterator(); open.size() > capacity; ) {
            oldest.next();
            oldest.remove();
        }
        return token;
    }

    /** True the first time an open token is used; false for a used, closed, unknown or missing one. */
    synchronized boolean use(String token) {
        return token != null && open.remove(token);
    }
}
