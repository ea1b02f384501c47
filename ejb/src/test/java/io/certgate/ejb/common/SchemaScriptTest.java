package io.certgate.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped schema scripts parse, and run on a real (in-memory) Derby. */
class SchemaScriptTest {

    @Test
    void everyVersionParsesIntoCreateStatements() throws Exception {
        for (int v = 1; v <= SchemaInstaller.LATEST; v++) {
            List<String> statements = SchemaInstaller.statements("META-INF/sql/schema-" + v + ".sql");
            assertTrue(statements.size() >= (v == 1 ? 5 : 1));
            for (String s : statements) {
                assertTrue(s.startsWith("CREATE ") || s.startsWith("ALTER ") || s.startsWith("INSERT "), s);
                assertTrue(!s.contains(";"), s);
            }
        }
    }

    @Test
    void schemaRunsOnDerbyAndEnforcesTheKeys() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:schematest;create=true");
             Statement s = c.createStatement()) {
            for (int v = 1; v <= SchemaInstaller.LATEST; v++) {
                for (String sql : SchemaInstaller.statements("META-INF/sql/schema-" + v + ".sql")) {
                    s.execute(sql);
                }
            }
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
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM CG_DEVICE")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
