package io.certgate.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each facade's actors map to its label, and nothing else makes up a label. */
class FacadeTest {

    @Test
    void everyFacadesActorsMapToItsLabel() {
        assertEquals(Facade.ENOS, Facade.ofActor("enos:6f1c0e3a-aaaa-bbbb-cccc-0123456789ab"));
        assertEquals(Facade.CERTMANAGER, Facade.ofActor("ra:ra-auto"));
        assertEquals(Facade.DIGICERT, Facade.ofActor("digicert:0123456789ab"));
        assertEquals(Facade.EST, Facade.ofActor("est:a1b2c3"));
        assertEquals(Facade.SCEP, Facade.ofActor("scep:a1b2c3"));
        assertEquals(Facade.ADMIN, Facade.ofActor("admin:alice"));
        assertEquals(Facade.ADMIN, Facade.of(Caller.operator("alice", "r1")));
        assertEquals(Facade.STARTUP, Facade.ofActor("bootstrap"));
        assertEquals(Facade.STARTUP, Facade.of(Caller.system("acme")));
        assertEquals("certmanager", Facade.CERTMANAGER.label());
    }

    @Test
    void unknownActorsAreOtherNeverTheirOwnLabel() {
        assertEquals(Facade.OTHER, Facade.ofActor(null));
        assertEquals(Facade.OTHER, Facade.ofActor(""));
        assertEquals(Facade.OTHER, Facade.ofActor("anonymous"));
        assertEquals(Facade.OTHER, Facade.ofActor("device"));
        assertEquals(Facade.OTHER, Facade.ofActor("enosx:key"), "a prefix is the whole part before the colon");
        assertEquals(Facade.OTHER, Facade.ofActor("ENOS:key"), "prefixes are written in lower case");
        assertEquals(Facade.OTHER, Facade.of(null));
    }
}
