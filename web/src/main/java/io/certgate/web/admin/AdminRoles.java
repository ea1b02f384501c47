package io.certgate.web.admin;

/**
 * The admin API's security roles: the names of the operator roles ({@code domain.access.OperatorRole}), which the
 * identity store returns as groups. Every resource method names who may call it: reads all three, decisions on
 * pending requests admin and approver, every other change admin only.
 */
final class AdminRoles {

    static final String ADMIN = "admin";
    static final String APPROVER = "approver";
    static final String AUDITOR = "auditor";

    private AdminRoles() {
    }
}
