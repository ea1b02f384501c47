package io.certgate.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A decision's comment: one line, bounded so that the audit outcome column holds it, blank is none. */
class DecisionCommentsTest {

    @Test
    void theCommentFollowsTheOutcomeOnOneLine() {
        assertEquals("success; comment: checked the meter's\nsubject".replace("\n", " "),
                DecisionComments.outcome("success", "  checked the meter's\r\nsubject "));
        assertEquals("success", DecisionComments.outcome("success", "   "));
        assertNull(DecisionComments.of(null));
    }

    @Test
    void aCommentTooLongForTheAuditIsRefused() {
        String longest = "x".repeat(DecisionComments.MAX);
        assertTrue(DecisionComments.outcome("success", longest).length() <= 256, "fits OUTCOME(256)");
        assertThrows(InvalidArgumentException.class, () -> DecisionComments.of(longest + "x"));
    }
}
