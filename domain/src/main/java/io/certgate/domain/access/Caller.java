package io.certgate.domain.access;

import java.util.Objects;

/**
 * Who asks: the organization whose data the call may touch, the actor the audit trail names
 * ({@code enos:<appKey>}, {@code ra:<account>}, {@code admin:<user>}, {@code system}) and the request id that
 * answers and logs carry. Every business method that reads or writes an organization's data takes one and
 * refuses to run without it ({@link #requireOrganization()}): scoping fails closed.
 */
public record Caller(String orgId, String actor, String requestId) {

    /**
     * The owner of the server's own certificates (its HTTPS certificate): no organization of any facade. An operator
     * may name it to list or revoke them ({@link #actingFor}), but no credential, RA account or bootstrap is ever made
     * in it.
     */
    public static final String SERVER_ORG = "_server";

    public Caller {
        Objects.requireNonNull(actor, "actor");
        requestId = requestId == null ? "none" : requestId;
    }

    /** A caller of one organization (API credentials, RA accounts). */
    public static Caller of(String orgId, String actor, String requestId) {
        return new Caller(orgId, actor, requestId);
    }

    /** An operator, who belongs to no organization and acts on one only by naming it ({@link #actingFor}). */
    public static Caller operator(String user, String requestId) {
        return new Caller(null, "admin:" + user, requestId);
    }

    /** Start-up work on an organization's behalf (bootstrap credentials). */
    public static Caller system(String orgId) {
        return new Caller(orgId, "system", "startup");
    }

    /** The server itself, issuing its own certificates (actor {@code system}). */
    public static Caller server(String requestId) {
        return new Caller(SERVER_ORG, "system", requestId);
    }

    /** Refuses the server's own organization where credentials are made: it answers as an unknown one. */
    public static String requireCredentialOrganization(String orgId) {
        if (SERVER_ORG.equals(orgId)) {
            throw new UnknownOrganizationException();
        }
        return orgId;
    }

    /**
     * An operator acting on the organization it names. The audit trail's reserved {@link AuditRecord#OPERATORS_ORG}
     * is no organization: naming it answers as an unknown one, so no credential can ever be made in it.
     */
    public Caller actingFor(String namedOrgId) {
        if (orgId != null) { // a caller of an organization cannot switch to another one
            scope(namedOrgId);
            return this;
        }
        if (namedOrgId == null || namedOrgId.isBlank()) {
            throw new CallerRequiredException();
        }
        if (AuditRecord.OPERATORS_ORG.equals(namedOrgId)) {
            throw new UnknownOrganizationException();
        }
        return new Caller(namedOrgId, actor, requestId);
    }

    /** The caller's organization; {@link CallerRequiredException} when there is none. */
    public String requireOrganization() {
        if (orgId == null || orgId.isBlank()) {
            throw new CallerRequiredException();
        }
        return orgId;
    }

    /**
     * The caller's organization, checked against one the request names: another organization answers exactly
     * as one that does not exist ({@link UnknownOrganizationException}).
     */
    public String scope(String namedOrgId) {
        String own = requireOrganization();
        if (namedOrgId != null && !own.equals(namedOrgId)) {
            throw new UnknownOrganizationException();
        }
        return own;
    }

    /** Refuses a call that came with no caller at all. */
    public static Caller require(Caller caller) {
        if (caller == null) {
            throw new CallerRequiredException();
        }
        caller.requireOrganization();
        return caller;
    }
}
