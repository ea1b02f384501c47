package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which operator may do what in the console, as in the admin API: everyone reads, admins and approvers decide
 * pending requests, only admins change anything else; no role at all (or a role spelled otherwise) nothing.
 */
class ConsoleGuardTest {

    @ParameterizedTest
    @EnumSource(OperatorAction.class)
    void anAdminMayDoEverything(OperatorAction action) {
        assertDoesNotThrow(() -> ConsoleGuard.check(action, Set.of("admin")::contains));
    }

    @org.junit.jupiter.api.Test
    void anApproverReadsAndDecidesAndAnAuditorOnlyReads() {
        assertDoesNotThrow(() -> ConsoleGuard.check(OperatorAction.READ, Set.of("approver")::contains));
        assertDoesNotThrow(() -> ConsoleGuard.check(OperatorAction.DECIDE, Set.of("approver")::contains));
        assertThrows(ConsoleRefusedException.class,
                () -> ConsoleGuard.check(OperatorAction.ADMINISTER, Set.of("approver")::contains));
        assertDoesNotThrow(() -> ConsoleGuard.check(OperatorAction.READ, Set.of("auditor")::contains));
        for (OperatorAction change : Set.of(OperatorAction.DECIDE, OperatorAction.ADMINISTER)) {
            ConsoleRefusedException e = assertThrows(ConsoleRefusedException.class,
                    () -> ConsoleGuard.check(change, Set.of("auditor")::contains));
            assertEquals("Your operator role may not " + change.description() + ".", e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(OperatorAction.class)
    void noRoleOrAMisspelledOneMayDoNothing(OperatorAction action) {
        for (Set<String> roles : Set.of(Set.<String>of(), Set.of("Admin"), Set.of("operator"))) {
            ConsoleRefusedException e = assertThrows(ConsoleRefusedException.class,
                    () -> ConsoleGuard.check(action, roles::contains), roles + " " + action);
            assertEquals("Your operator role may not " + action.description() + ".", e.getMessage());
        }
    }

    /** What the pages render follows the same table as what the actions allow. */
    @ParameterizedTest
    @EnumSource(OperatorAction.class)
    void whatIsShownIsWhatIsAllowed(OperatorAction action) {
        for (Set<String> roles : Set.of(Set.of("admin"), Set.of("approver"), Set.of("auditor"), Set.<String>of())) {
            boolean allowed;
            try {
                ConsoleGuard.check(action, roles::contains);
                allowed = true;
            } catch (ConsoleRefusedException e) {
                allowed = false;
            }
            assertEquals(allowed, ConsoleGuard.allows(action, roles::contains), roles + " " + action);
        }
        assertEquals(true, ConsoleGuard.allows(OperatorAction.ADMINISTER, Set.of("admin")::contains));
        assertEquals(false, ConsoleGuard.allows(OperatorAction.ADMINISTER, Set.of("approver")::contains));
        assertEquals(true, ConsoleGuard.allows(OperatorAction.DECIDE, Set.of("approver")::contains));
        assertEquals(false, ConsoleGuard.allows(OperatorAction.DECIDE, Set.of("auditor")::contains));
    }
}
