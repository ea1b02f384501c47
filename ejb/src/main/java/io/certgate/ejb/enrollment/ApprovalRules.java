package io.certgate.ejb.enrollment;

import io.certgate.ejb.access.DigiCertKeyRole;

/**
 * Separation of duties for DigiCert requests, as CertCentral has it: API keys carry their user's role; a user key
 * decides nothing; a manager decides other people's requests; an admin decides any request, its own too, and may
 * skip approval, unless the organization requires a second person: then nobody decides what the same user
 * requested, with whichever of its keys (a rotated key stays its user's). Pure functions.
 */
public final class ApprovalRules {

    private ApprovalRules() {
    }

    /** Who acts: the role of the key (operators decide as admins) and the user behind it. */
    public record Actor(String actor, DigiCertKeyRole role, String person) {
    }

    /**
     * May {@code approver} approve or reject a request that {@code requester} placed? {@link NotAnApproverException}
     * for a user key, {@link SelfApprovalException} for one's own request where that is not allowed.
     */
    public static void requireMayDecide(Actor approver, Actor requester, boolean secondPersonRequired) {
        if (approver.role() == DigiCertKeyRole.USER) {
            throw new NotAnApproverException();
        }
        boolean samePerson = approver.actor().equals(requester.actor()) || approver.person().equals(requester.person());
        if (samePerson && (secondPersonRequired || approver.role() != DigiCertKeyRole.ADMIN)) {
            throw new SelfApprovalException();
        }
    }

    /** skip_approval is honoured for whoever may approve its own request: an admin, without the second-person rule. */
    public static boolean maySkipApproval(Actor requester, boolean secondPersonRequired) {
        return requester.role() == DigiCertKeyRole.ADMIN && !secondPersonRequired;
    }
}
