package io.certgate.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a start may skip Liquibase: only once a real Derby records every change set of the change log. */
class ChangeLogStateTest {

    @Test
    void theChangeLogDeclaresEveryVersionOnce() throws Exception {
        Set<String> declared = declared();
        assertEquals(SchemaScriptTest.LATEST, declared.size());
        assertTrue(declared.contains("schema-1::certgate"));
    }

    @Test
    void aNewDatabaseIsNotUpToDateAMigratedOneIsAndAMissingChangeSetMakesItStale() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:changelogstate;create=true")) {
            assertTrue(ChangeLogState.applied(c).isEmpty(), "no change log table yet");
            assertFalse(SchemaInstaller.upToDate(c));
            SchemaInstaller.migrate(c); // Liquibase closes the connection when it is done
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:changelogstate")) {
            assertTrue(SchemaInstaller.upToDate(c));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID = 'schema-2'");
            }
            assertFalse(SchemaInstaller.upToDate(c), "a change set not recorded: Liquibase must run");
        }
    }

    @Test
    void nothingDeclaredIsNeverComplete() {
        assertFalse(ChangeLogState.complete(Set.of(), Set.of("a")));
        assertTrue(ChangeLogState.complete(Set.of("a"), Set.of("a", "b")));
        assertFalse(ChangeLogState.complete(Set.of("a", "c"), Set.of("a", "b")));
    }

    private static Set<String> declared() throws Exception {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(SchemaInstaller.CHANGELOG)) {
            return ChangeLogState.declared(in, SchemaInstaller.CHANGELOG);
        }
    }
}
