package io.certgate.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.ca.CertificateAlreadyRevokedException;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulk operation runs the single action per item: refusals are per item, the rest goes on, each item once. */
class BulkRunTest {

    @Test
    void aRefusedItemLeavesTheOthersAsTheyWent() {
        List<Long> done = new ArrayList<>();
        List<BulkOutcome> outcomes = BulkRun.each(List.of(1L, 2L, 3L, 2L), "certificate", sn -> {
            if (sn == 2L) {
                throw new CertificateAlreadyRevokedException();
            }
            if (sn == 3L) {
                throw new EJBException(new CertificateAlreadyRevokedException());
            }
            done.add(sn);
        });
        assertEquals(List.of(1L), done);
        assertEquals(List.of("1", "2", "3"), outcomes.stream().map(BulkOutcome::item).toList(), "each item once");
        assertEquals(true, outcomes.get(0).isDone());
        assertEquals(new CertificateAlreadyRevokedException().getMessage(), outcomes.get(1).refusal());
        assertEquals(outcomes.get(1).refusal(), outcomes.get(2).refusal(), "unwrapped from the container");
    }

    @Test
    void anUnexpectedFailureIsNamedButNotShown() {
        List<BulkOutcome> outcomes = BulkRun.each(List.of("a"), "request", x -> {
            throw new IllegalStateException("secret detail");
        });
        assertEquals("unexpected error (logged)", outcomes.get(0).refusal());
    }

    @Test
    void nothingOrTooManyIsRefused() {
        assertThrows(InvalidArgumentException.class, () -> BulkRun.each(List.of(), "certificate", x -> { }));
        assertThrows(InvalidArgumentException.class, () -> BulkRun.each(
                new ArrayList<>(java.util.stream.LongStream.rangeClosed(1, BulkRun.MAX_ITEMS + 1).boxed().toList()),
                "certificate", x -> { }));
        assertEquals(1, BulkRun.each(Collections.nCopies(BulkRun.MAX_ITEMS + 5, 1L), "certificate", x -> { }).size(),
                "a repeated item counts once");
    }
}
