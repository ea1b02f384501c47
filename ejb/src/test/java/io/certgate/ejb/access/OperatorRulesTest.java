package io.certgate.ejb.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.access.AdminUser;
import io.certgate.domain.access.OperatorRole;
import io.certgate.ejb.common.InvalidArgumentException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** An enabled admin always remains; operator names fit HTTP Basic; roles are the three known ones. */
class OperatorRulesTest {

    private static AdminUser operator(OperatorRole role, boolean enabled) {
        AdminUser u = new AdminUser("alice", "hash", null, role, Instant.parse("2026-01-01T00:00:00Z"));
        if (!enabled) {
            u.disable();
        }
        return u;
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledNorDemoted() {
        AdminUser last = operator(OperatorRole.ADMIN, true);
        assertThrows(LastAdminException.class, () -> OperatorRules.keepAnAdmin(last, OperatorRole.ADMIN, false, 1));
        assertThrows(LastAdminException.class, () -> OperatorRules.keepAnAdmin(last, OperatorRole.APPROVER, true, 1));
        assertThrows(LastAdminException.class, () -> OperatorRules.keepAnAdmin(last, OperatorRole.AUDITOR, true, 1));
    }

    @Test
    void anAdminWhoIsNotTheLastMayGo() {
        AdminUser one = operator(OperatorRole.ADMIN, true);
        assertDoesNotThrow(() -> OperatorRules.keepAnAdmin(one, OperatorRole.ADMIN, false, 2));
        assertDoesNotThrow(() -> OperatorRules.keepAnAdmin(one, OperatorRole.AUDITOR, true, 2));
    }

    @Test
    void theLastAdminMayStayAdmin() {
        assertDoesNotThrow(() -> OperatorRules.keepAnAdmin(operator(OperatorRole.ADMIN, true), OperatorRole.ADMIN,
                true, 1));
    }

    @Test
    void otherOperatorsChangeFreelyEvenWithOneAdminLeft() {
        assertDoesNotThrow(() -> OperatorRules.keepAnAdmin(operator(OperatorRole.APPROVER, true),
                OperatorRole.AUDITOR, true, 1));
        assertDoesNotThrow(() -> OperatorRules.keepAnAdmin(operator(OperatorRole.AUDITOR, true), OperatorRole.AUDITOR,
                false, 1));
        // a disabled admin counts for nothing: changing its role never removes an enabled admin
        assertDoesNotThrow(() -> OperatorRules.keepAnAdmin(operator(OperatorRole.ADMIN, false), OperatorRole.AUDITOR,
                false, 1));
    }

    /** Issue 18, 6: an admin could disable itself. */
    @Test
    void noOperatorDisablesOrDemotesItself() {
        AdminUser alice = operator(OperatorRole.ADMIN, true);
        assertThrows(OwnOperatorException.class, () -> OperatorRules.notOneself("admin:alice", alice, OperatorRole.ADMIN,
                false));
        assertThrows(OwnOperatorException.class, () -> OperatorRules.notOneself("admin:alice", alice,
                OperatorRole.AUDITOR, true));
        assertDoesNotThrow(() -> OperatorRules.notOneself("admin:alice", alice, OperatorRole.ADMIN, true));
        assertDoesNotThrow(() -> OperatorRules.notOneself("admin:bob", alice, OperatorRole.ADMIN, false));
        assertDoesNotThrow(() -> OperatorRules.notOneself("admin:alice2", alice, OperatorRole.AUDITOR, true));
    }

    @Test
    void rolesAreTheThreeKnownOnes() {
        assertEquals(OperatorRole.ADMIN, OperatorRules.role("admin"));
        assertEquals(OperatorRole.APPROVER, OperatorRules.role(" Approver "));
        assertEquals(OperatorRole.AUDITOR, OperatorRules.role("AUDITOR"));
        assertThrows(InvalidArgumentException.class, () -> OperatorRules.role("root"));
        assertThrows(InvalidArgumentException.class, () -> OperatorRules.role(null));
        assertThrows(InvalidArgumentException.class, () -> OperatorRules.role(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob.smith", "ops_1", "a-b"})
    void namesAreIdentifiers(String name) {
        assertEquals(name, OperatorRules.name(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b", "alice smith", "ünïcode", "x/y"})
    void namesThatWouldBreakBasicOrPathsAreRefused(String name) {
        assertThrows(InvalidArgumentException.class, () -> OperatorRules.name(name));
    }

    @Test
    void aNameOfAtMost64() {
        assertEquals(64, OperatorRules.name("a".repeat(64)).length());
        assertThrows(InvalidArgumentException.class, () -> OperatorRules.name("a".repeat(65)));
        assertThrows(InvalidArgumentException.class, () -> OperatorRules.name(null));
    }
}
