package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.Operators;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one check between the console and the EJBs: every page asks it for a reading caller, every changing action
 * for a changing one, naming what it does; the answer is the operator's {@link Caller} acting for the named
 * organization (as the admin API makes it), or a {@link ConsoleRefusedException} when the operator's role does
 * not allow it. The roles are the admin API's ({@link #rolesFor}): every operator reads, admins and approvers
 * decide, only admins change anything else; web.xml keeps auditors to GET underneath.
 */
@RequestScoped
public class ConsoleGuard {

    @Inject
    private HttpServletRequest request;

    @Inject
    private CallerContext context;

    /** The roles that may do it. */
    static Set<String> rolesFor(OperatorAction action) {
        return switch (action) {
            case READ -> Set.of("admin", "approver", "auditor");
            case DECIDE -> Set.of("admin", "approver");
            case ADMINISTER -> Set.of("admin");
        };
    }

    /** Refused unless the operator has one of the roles that may do it. */
    static void check(OperatorAction action, Predicate<String> inRole) {
        if (rolesFor(action).stream().noneMatch(inRole)) {
            throw new ConsoleRefusedException("Your operator role may not " + action.description() + ".");
        }
    }

    /** The operator reading the organization's data. */
    public Caller reading(String orgId) {
        return as(OperatorAction.READ, orgId);
    }

    /** The operator reading what belongs to the server (the CAs), not to one organization. */
    public void readingServer() {
        check(OperatorAction.READ, request::isUserInRole);
        Operators.identify(request.getUserPrincipal(), context);
    }

    /** The operator changing the organization's data. */
    public Caller changing(String orgId, OperatorAction action) {
        return as(action, orgId);
    }

    private Caller as(OperatorAction action, String orgId) {
        check(action, request::isUserInRole);
        return Operators.actingFor(request.getUserPrincipal(), context, orgId);
    }
}
