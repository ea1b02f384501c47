package io.certgate.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema migrations on a real (in-memory) Derby: a new database gets every version, a database made by the
 * schema installer of the previous release (schema-1 and its version row) upgrades in place, a second run
 * changes nothing, and the keys hold.
 */
class SchemaScriptTest {

    /** How many versions the change log holds (each a change set; their numbers need not be consecutive). */
    static final int LATEST = changeSets();

    @Test
    void aNewDatabaseGetsEveryVersionAndTheKeysHold() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:fresh;create=true")) {
            SchemaInstaller.migrate(c);
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:fresh");
             Statement s = c.createStatement()) {
            assertEquals(LATEST, count(s, "SELECT COUNT(*) FROM CG_SCHEMA_VERSION"));
            assertEquals(LATEST, count(s, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE = 'EXECUTED'"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_STARTUP_LOCK"));
            assertEquals(2, count(s, "SELECT COUNT(*) FROM CG_CRL"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_LEASE WHERE NAME = 'expiry-warnings' AND OWNER IS NULL"));
            s.execute("INSERT INTO CG_PRODUCT (ORG_ID, PRODUCT_KEY, NAME, PRODUCT_TYPE, BI_DIRECTIONAL_AUTH, "
                    + "DEFAULT_VALID_DAY, MAX_VALID_DAY, CREATED_AT) VALUES ('o', 'pk', 'n', 'Device', TRUE, 730, 1095, "
                    + "CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO CG_DEVICE (ORG_ID, PRODUCT_ID, DEVICE_KEY, ASSET_ID, NAME, DEVICE_SECRET, CREATED_AT) "
                    + "VALUES ('o', 1, 'dk', 'a1', 'n', 's', CURRENT_TIMESTAMP)");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO CG_DEVICE (ORG_ID, PRODUCT_ID, DEVICE_KEY, "
                    + "ASSET_ID, NAME, DEVICE_SECRET, CREATED_AT) VALUES ('o', 1, 'dk', 'a2', 'n', 's', CURRENT_TIMESTAMP)"),
                    "one deviceKey per product");
            s.execute("INSERT INTO CG_KEY_BINDING VALUES ('h', 1, CURRENT_TIMESTAMP)");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO CG_KEY_BINDING VALUES ('h', 1, CURRENT_TIMESTAMP)"),
                    "one device per key");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO CG_RA_ACCOUNT (ORG_ID, NAME, REQUIRE_APPROVAL, "
                    + "ALLOW_SPECIFIC_END_DATE, CLIENT_CERT_SHA256, CLIENT_CERT_SN, CREATED_AT) VALUES ('o', 'ra', FALSE, "
                    + "FALSE, 'f', 42, CURRENT_TIMESTAMP)"), "an RA account's client certificate is in the ledger");
        }
    }

    @Test
    void aDatabaseOfThePreviousReleaseUpgradesInPlaceAndKeepsItsData() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:previous;create=true");
             Statement s = c.createStatement()) {
            // what the previous release's installer made: schema-1 and its version row, then some data
            for (String sql : statements("META-INF/sql/schema-1.sql")) {
                s.execute(sql);
            }
            s.execute("INSERT INTO CG_SCHEMA_VERSION (SCHEMA_VERSION, APPLIED_AT) VALUES (1, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO CG_RA_ACCOUNT (ORG_ID, NAME, REQUIRE_APPROVAL, ALLOW_SPECIFIC_END_DATE, "
                    + "CLIENT_CERT_SHA256, CREATED_AT) VALUES ('acme', 'ra-old', TRUE, FALSE, 'f', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO CG_ADMIN_USER (USERNAME, PASSWORD_HASH, ROLE_NAME, CREATED_AT) VALUES ('admin-old', "
                    + "'h', 'admin', CURRENT_TIMESTAMP)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:previous")) {
            SchemaInstaller.migrate(c);
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:previous")) {
            SchemaInstaller.migrate(c); // a second start changes nothing
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:previous");
             Statement s = c.createStatement()) {
            assertEquals(LATEST, count(s, "SELECT COUNT(*) FROM CG_SCHEMA_VERSION"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE = 'MARK_RAN'"),
                    "schema-1 was there: marked ran");
            assertEquals(LATEST - 1, count(s, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE = 'EXECUTED'"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_RA_ACCOUNT WHERE NAME = 'ra-old' AND APPROVER = FALSE"),
                    "the old row is kept and gets the new column's default");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_RA_ACCOUNT WHERE NAME = 'ra-old' AND ENABLED = TRUE "
                    + "AND CLIENT_CERT_SN IS NULL"), "an old RA account stays enabled; its certificate is learnt later");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM CG_ADMIN_USER WHERE USERNAME = 'admin-old' AND ENABLED = TRUE"),
                    "an old operator stays enabled");
            assertEquals(2, count(s, "SELECT COUNT(*) FROM CG_CRL"));
        }
    }

    private static int changeSets() {
        try (InputStream in = SchemaScriptTest.class.getClassLoader().getResourceAsStream("META-INF/db/changelog.xml")) {
            String log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return log.split("<changeSet ", -1).length - 1;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The statements of a script as the previous release's installer split them (semicolon at a line's end). */
    private static List<String> statements(String resource) throws Exception {
        try (InputStream in = SchemaScriptTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("--")) {
                    continue;
                }
                current.append(t).append('\n');
                if (t.endsWith(";")) {
                    out.add(current.substring(0, current.lastIndexOf(";")).strip());
                    current.setLength(0);
                }
            }
            return out;
        }
    }
}
