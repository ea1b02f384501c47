package io.certgate.ejb.access;

import io.certgate.domain.access.AdminUser;
import io.certgate.domain.access.OperatorRole;
import io.certgate.ejb.common.InvalidArgumentException;
import java.util.regex.Pattern;

/** The rules about operators that need no database: names, roles, and that an enabled admin always remains. */
public final class OperatorRules {

    /** Like other identifiers but without ':', which would end the user name in an HTTP Basic credential. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private OperatorRules() {
    }

    public static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidArgumentException("invalid argument: an operator name is 1 to 64 letters, digits or _ - .");
        }
        return name;
    }

    public static OperatorRole role(String role) {
        return OperatorRole.byName(role).orElseThrow(() -> new InvalidArgumentException(
                "invalid argument: role must be admin, approver or auditor"));
    }

    /**
     * Refuses a change after which the operator is no enabled admin when it is the only one now: then nobody could
     * manage operators (or re-enable anyone) through certgate again.
     *
     * @param enabledAdmins the enabled admins now, the target included when it is one
     */
    public static void keepAnAdmin(AdminUser target, OperatorRole roleAfter, boolean enabledAfter,
                                   long enabledAdmins) {
        boolean adminNow = target.isEnabled() && target.getRole() == OperatorRole.ADMIN;
        boolean adminAfter = enabledAfter && roleAfter == OperatorRole.ADMIN;
        if (adminNow && !adminAfter && enabledAdmins <= 1) {
            throw new LastAdminException(target.getUsername());
        }
    }

    /**
     * Refuses an operator's disabling or demoting itself: the change would lock its author out mid-session, and with
     * two admins each could remove itself. Another admin does it (issue 18, 6).
     *
     * @param actor the author of the change ({@code admin:<user>})
     */
    public static void notOneself(String actor, AdminUser target, OperatorRole roleAfter, boolean enabledAfter) {
        boolean oneself = actor != null && actor.equals("admin:" + target.getUsername());
        boolean lessAfter = !enabledAfter || roleAfter != target.getRole();
        if (oneself && target.isEnabled() && lessAfter) {
            throw new OwnOperatorException(target.getUsername());
        }
    }
}
