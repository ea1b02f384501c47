package io.certgate.ejb.enrollment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ejb.access.DigiCertKeyRole;
import org.junit.jupiter.api.Test;

/** Issue 17, item 4: roles of API keys, and the optional second person keyed on the user behind the keys. */
class ApprovalRulesTest {

    private static ApprovalRules.Actor key(String id, DigiCertKeyRole role, String person) {
        return new ApprovalRules.Actor("digicert:" + id, role, person);
    }

    @Test
    void anAdminKeyApprovesItsOwnRequestUnlessASecondPersonIsRequired() {
        ApprovalRules.Actor admin = key("k1", DigiCertKeyRole.ADMIN, "key:k1");
        assertDoesNotThrow(() -> ApprovalRules.requireMayDecide(admin, admin, false));
        assertThrows(SelfApprovalException.class, () -> ApprovalRules.requireMayDecide(admin, admin, true));
    }

    @Test
    void aManagerApprovesOthersButNeverItself() {
        ApprovalRules.Actor manager = key("m", DigiCertKeyRole.MANAGER, "key:m");
        ApprovalRules.Actor other = key("o", DigiCertKeyRole.USER, "key:o");
        assertDoesNotThrow(() -> ApprovalRules.requireMayDecide(manager, other, true));
        assertThrows(SelfApprovalException.class, () -> ApprovalRules.requireMayDecide(manager, manager, false));
    }

    @Test
    void aUserKeyDecidesNothing() {
        ApprovalRules.Actor user = key("u", DigiCertKeyRole.USER, "key:u");
        ApprovalRules.Actor other = key("o", DigiCertKeyRole.USER, "key:o");
        assertThrows(NotAnApproverException.class, () -> ApprovalRules.requireMayDecide(user, other, false));
    }

    @Test
    void theSecondPersonIsTheUserBehindAnyOfItsKeysAlsoAfterARotation() {
        // the request was placed with alice's old key; her rotated key (same user) is not a second person
        ApprovalRules.Actor oldKey = key("old", DigiCertKeyRole.ADMIN, "alice");
        ApprovalRules.Actor rotated = key("new", DigiCertKeyRole.ADMIN, "alice");
        assertThrows(SelfApprovalException.class, () -> ApprovalRules.requireMayDecide(rotated, oldKey, true));
        // a manager key of the same user is not a second person either, with or without the setting
        ApprovalRules.Actor managerKey = key("m2", DigiCertKeyRole.MANAGER, "alice");
        assertThrows(SelfApprovalException.class, () -> ApprovalRules.requireMayDecide(managerKey, oldKey, false));
        // bob is
        assertDoesNotThrow(() -> ApprovalRules.requireMayDecide(key("b", DigiCertKeyRole.MANAGER, "bob"), oldKey,
                true));
        // an operator is a person too
        assertDoesNotThrow(() -> ApprovalRules.requireMayDecide(new ApprovalRules.Actor("admin:carol",
                DigiCertKeyRole.ADMIN, "carol"), oldKey, true));
    }

    @Test
    void onlyAnAdminWithoutTheSecondPersonRuleSkipsApproval() {
        assertTrue(ApprovalRules.maySkipApproval(key("a", DigiCertKeyRole.ADMIN, "a"), false));
        assertFalse(ApprovalRules.maySkipApproval(key("a", DigiCertKeyRole.ADMIN, "a"), true));
        assertFalse(ApprovalRules.maySkipApproval(key("m", DigiCertKeyRole.MANAGER, "m"), false));
        assertFalse(ApprovalRules.maySkipApproval(key("u", DigiCertKeyRole.USER, "u"), false));
    }
}
