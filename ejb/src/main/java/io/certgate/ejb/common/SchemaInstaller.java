package io.certgate.ejb.common;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates and upgrades the database schema from the numbered SQL scripts shipped in META-INF/sql
 * (schema-1.sql, schema-2.sql, ...), recording each applied version in CG_SCHEMA_VERSION. The scripts are
 * portable SQL for Derby and PostgreSQL; JPA never generates DDL. Safe when several instances start at once:
 * a script runs in one transaction, and an instance that loses the race re-reads the version.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    static final int LATEST = 4;

    @Resource(lookup = "jdbc/certgate")
    private DataSource dataSource;

    @PostConstruct
    void install() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int current = currentVersion(c);
            for (int v = current + 1; v <= LATEST; v++) {
                try {
                    apply(c, v);
                } catch (SQLException e) {
                    c.rollback();
                    if (currentVersion(c) >= v) {
                        LOG.info("Schema version " + v + " was installed by another instance");
                        continue;
                    }
                    throw e;
                }
            }
            if (current == LATEST) {
                LOG.info("Database schema is at version " + LATEST);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot install the database schema: " + e.getMessage(), e);
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        if (!tableExists(c, "CG_SCHEMA_VERSION")) {
            return 0;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(SCHEMA_VERSION) FROM CG_SCHEMA_VERSION")) {
            int v = rs.next() ? rs.getInt(1) : 0;
            c.commit();
            return v;
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase()}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void apply(Connection c, int version) throws SQLException, IOException {
        List<String> statements = statements("META-INF/sql/schema-" + version + ".sql");
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO CG_SCHEMA_VERSION (SCHEMA_VERSION, APPLIED_AT) VALUES (?, ?)")) {
            p.setInt(1, version);
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
        c.commit();
        LOG.info("Installed database schema version " + version + " (" + statements.size() + " statements)");
    }

    static List<String> statements(String resource) throws IOException {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
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
            if (!current.toString().isBlank()) {
                throw new IOException(resource + " ends without a semicolon");
            }
            return out;
        }
    }
}
