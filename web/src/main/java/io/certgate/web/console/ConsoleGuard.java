package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.Operators;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one check between the console and the EJBs: every page asks it for a reading caller, every changing action
 * for a changing one, naming what it does; the answer is the operator's {@link Caller} acting for the named
 * organization (as the admin API makes it), or a {@link ConsoleRefusedException} when the operator's role does
 * not allow it. The roles are the admin API's ({@link #rolesFor}): every operator reads, admins and approvers
 * decide, only admins change anything else; web.xml keeps auditors to GET underneath. Pages ask {@link #may} (as
 * {@code #{consoleGuard.may('ADMINISTER')}}) to leave out what the operator may not do; the checks above stay, so a
 * forged post is refused all the same.
 */
@Named
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
        if (!allows(action, inRole)) {
            throw new ConsoleRefusedException("Your operator role may not " + action.description() + ".");
        }
    }

    /** Whether an operator with these roles may do it. */
    static boolean allows(OperatorAction action, Predicate<String> inRole) {
        return rolesFor(action).stream().anyMatch(inRole);
    }

    /** Whether this operator may do it (by the action's name, for pages): what to render, not what to allow. */
    public boolean may(String action) {
        return allows(OperatorAction.valueOf(action), request::isUserInRole);
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

    /** The operator acting on what belongs to the server (operators), not to one organization. */
    public Caller server(OperatorAction action) {
        check(action, request::isUserInRole);
        return Operators.acting(request.getUserPrincipal(), context);
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
