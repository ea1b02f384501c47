package io.certgate.ejb.common;

/**
 * An operator's comment on a decision (approve, reject): trimmed, one line, at most {@value #MAX} characters,
 * blank is none; the audit record's outcome carries it after the outcome itself ("success; comment: ...").
 */
public final class DecisionComments {

    /** The audit outcome column holds 256 characters: the outcome and "; comment: " come first. */
    public static final int MAX = 200;

    private DecisionComments() {
    }

    /** The comment as kept: null when blank; refused when longer than {@value #MAX}. */
    public static String of(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String one = comment.strip().replaceAll("[\\r\\n\\t]+", " ");
        if (one.length() > MAX) {
            throw new InvalidArgumentException("a comment is at most " + MAX + " characters");
        }
        return one;
    }

    /** The audit outcome with the comment, if any. */
    public static String outcome(String outcome, String comment) {
        String c = of(comment);
        return c == null ? outcome : outcome + "; comment: " + c;
    }
}
