package io.certgate.web.support;

import io.certgate.domain.access.Caller;
import java.security.Principal;

/**
 * The operator of a request (the actor {@code admin:<user>}), acting on the organization it names: one way for the
 * admin API and the console, so that both appear alike in the audit trail and the logs.
 */
public final class Operators {

    private Operators() {
    }

    /** The operator's caller for the organization; the request's {@link CallerContext} names the operator too. */
    public static Caller actingFor(Principal user, CallerContext context, String orgId) {
        String name = name(user);
        context.set("admin:" + name, null);
        return Caller.operator(name, context.requestId()).actingFor(orgId);
    }

    /** The operator's caller for work on no organization (operators); the {@link CallerContext} names it too. */
    public static Caller acting(Principal user, CallerContext context) {
        identify(user, context);
        return Caller.operator(name(user), context.requestId());
    }

    /** Names the operator in the request's {@link CallerContext}, for work on no organization. */
    public static void identify(Principal user, CallerContext context) {
        context.set("admin:" + name(user), null);
    }

    private static String name(Principal user) {
        return user == null ? "unknown" : user.getName();
    }
}
