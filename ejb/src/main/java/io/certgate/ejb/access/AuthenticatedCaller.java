package io.certgate.ejb.access;

/** A caller whose credential was verified: its organization and how the audit trail names it. */
public record AuthenticatedCaller(String orgId, String actor) {
}
