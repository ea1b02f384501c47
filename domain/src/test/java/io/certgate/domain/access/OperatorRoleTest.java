package io.certgate.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operator roles by name, and what an operator row keeps. */
class OperatorRoleTest {

    @Test
    void rolesByTheirSecurityName() {
        assertEquals(List.of("admin", "approver", "auditor"),
                Arrays.stream(OperatorRole.values()).map(OperatorRole::roleName).toList());
        assertEquals(OperatorRole.APPROVER, OperatorRole.byName("APPROVER ").orElseThrow());
        assertTrue(OperatorRole.byName("root").isEmpty());
        assertTrue(OperatorRole.byName(null).isEmpty());
    }

    @Test
    void anOperatorIsEnabledUntilDisabledAndChangesRole() {
        AdminUser u = new AdminUser("bob", "h1", "s1", OperatorRole.AUDITOR, Instant.EPOCH);
        assertTrue(u.isEnabled());
        assertEquals(OperatorRole.AUDITOR, u.getRole());
        u.changeRole(OperatorRole.APPROVER);
        assertEquals(OperatorRole.APPROVER, u.getRole());
        u.changePassword("h2", "s2");
        assertEquals("h2", u.getPasswordHash());
        assertEquals("s2", u.getServerPasswordHash(), "both hashes of the one password change together");
        u.disable();
        assertFalse(u.isEnabled());
    }

    @Test
    void aRowWithAnUnknownRoleIsAnError() throws Exception {
        AdminUser u = new AdminUser("eve", "h", null, OperatorRole.ADMIN, Instant.EPOCH);
        var f = AdminUser.class.getDeclaredField("roleName");
        f.setAccessible(true);
        f.set(u, "root");
        assertThrows(IllegalStateException.class, u::getRole);
    }

    @Test
    void theOperatorsAuditOrganizationCannotBeNamed() {
        assertThrows(UnknownOrganizationException.class,
                () -> Caller.operator("alice", "r1").actingFor(AuditRecord.OPERATORS_ORG));
    }
}
