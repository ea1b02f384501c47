package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A form that shows a secret runs once per rendering: a reload's second post finds its token used. */
class OneShotTokensTest {

    @Test
    void aTokenWorksOnceAndOthersStayOpen() {
        OneShotTokens tokens = new OneShotTokens(4);
        String first = tokens.issue();
        String second = tokens.issue();
        assertNotEquals(first, second);
        assertTrue(tokens.use(first));
        assertFalse(tokens.use(first), "the reload");
        assertTrue(tokens.use(second), "another form of the session is not affected");
    }

    @Test
    void unknownAndMissingTokensAreRefused() {
        OneShotTokens tokens = new OneShotTokens(4);
        tokens.issue();
        assertFalse(tokens.use(null));
        assertFalse(tokens.use(""));
        assertFalse(tokens.use("made-up"));
        assertFalse(new OneShotTokens(4).use(new OneShotTokens(4).issue()), "another session's token");
    }

    @Test
    void onlyTheNewestStayOpen() {
        OneShotTokens tokens = new OneShotTokens(3);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(tokens.issue());
        }
        assertFalse(tokens.use(issued.get(0)));
        assertFalse(tokens.use(issued.get(1)));
        assertTrue(tokens.use(issued.get(2)));
        assertTrue(tokens.use(issued.get(4)));
        assertTrue(tokens.use(issued.get(3)));
    }

    @Test
    void aCapacityBelowOneIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new OneShotTokens(0));
    }
}
