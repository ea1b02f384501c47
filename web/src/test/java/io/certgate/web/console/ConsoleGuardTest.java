package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which operator may do what in the console: today the admin role does everything and no other role anything
 * (web.xml lets only admins in; the guard says the same on its own). When operator roles arrive, this is the table
 * that changes (and the test with it).
 */
class ConsoleGuardTest {

    @ParameterizedTest
    @EnumSource(OperatorAction.class)
    void anAdminMayDoEverything(OperatorAction action) {
        assertDoesNotThrow(() -> ConsoleGuard.check(action, Set.of("admin")::contains));
    }

    @ParameterizedTest
    @EnumSource(OperatorAction.class)
    void noOtherRoleMayDoAnythingYet(OperatorAction action) {
        for (Set<String> roles : Set.of(Set.<String>of(), Set.of("approver"), Set.of("auditor"), Set.of("Admin"))) {
            ConsoleRefusedException e = assertThrows(ConsoleRefusedException.class,
                    () -> ConsoleGuard.check(action, roles::contains), roles + " " + action);
            assertEquals("Your operator role may not " + action.description() + ".", e.getMessage());
        }
    }
}
