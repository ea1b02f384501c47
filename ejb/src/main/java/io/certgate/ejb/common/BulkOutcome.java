package io.certgate.ejb.common;

/**
 * What became of one item of a bulk operation: done, or refused with the rules' wording (an unexpected failure is
 * logged where it happened and named here only as such). Each item is decided on its own, so one refusal leaves
 * the others as they went.
 */
public record BulkOutcome(String item, String refusal) {

    public static BulkOutcome done(String item) {
        return new BulkOutcome(item, null);
    }

    public boolean isDone() {
        return refusal == null;
    }
}
