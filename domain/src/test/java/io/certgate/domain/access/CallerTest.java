package io.certgate.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Scoping by organization fails closed. */
class CallerTest {

    @Test
    void noCallerIsRefused() {
        assertThrows(CallerRequiredException.class, () -> Caller.require(null));
    }

    @Test
    void aCallerWithoutOrganizationIsRefused() {
        assertThrows(CallerRequiredException.class, () -> Caller.require(Caller.operator("alice", "r1")));
        assertThrows(CallerRequiredException.class, () -> Caller.operator("alice", "r1").scope("acme"));
        assertThrows(CallerRequiredException.class, () -> Caller.operator("alice", "r1").actingFor(" "));
    }

    @Test
    void anotherOrganizationAnswersAsUnknown() {
        Caller acme = Caller.of("acme", "enos:k", "r1");
        assertEquals("acme", acme.scope("acme"));
        assertEquals("acme", acme.scope(null));
        assertThrows(UnknownOrganizationException.class, () -> acme.scope("globex"));
        assertThrows(UnknownOrganizationException.class, () -> acme.actingFor("globex"));
    }

    @Test
    void anOperatorActsOnTheOrganizationItNames() {
        Caller c = Caller.operator("alice", "r1").actingFor("globex");
        assertEquals("globex", c.requireOrganization());
        assertEquals("admin:alice", c.actor());
        assertEquals("r1", c.requestId());
    }

    @Test
    void theServersOwnOrganizationHoldsCertificatesButNoCredentials() {
        Caller server = Caller.server("server-tls");
        assertEquals(Caller.SERVER_ORG, server.requireOrganization());
        assertEquals(Facade.STARTUP, Facade.of(server));
        assertEquals(Caller.SERVER_ORG, Caller.operator("alice", "r1").actingFor(Caller.SERVER_ORG).orgId(),
                "operators list and revoke its certificates");
        assertThrows(UnknownOrganizationException.class, () -> Caller.requireCredentialOrganization(Caller.SERVER_ORG));
        assertEquals("acme", Caller.requireCredentialOrganization("acme"));
    }
}
