package io.certgate.ejb.common;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Creates and upgrades the database schema with Liquibase from {@value #CHANGELOG}: versioned portable SQL
 * scripts (Derby and PostgreSQL), checksums, and Liquibase's lock table, so that instances starting together
 * migrate once. Databases made by the schema installer of earlier releases upgrade in place (the change log
 * marks their versions as ran). JPA never generates DDL. Liquibase's anonymous analytics are off.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    static final String CHANGELOG = "META-INF/db/changelog.xml";

    @Resource(lookup = "jdbc/certgate")
    private DataSource dataSource;

    static final int ATTEMPTS = 5;

    /**
     * Migrates; an instance that starts at the same moment as another on an empty database can lose the race to
     * create Liquibase's own tables, so a failed attempt is retried after a pause (the next sees them).
     */
    @PostConstruct
    void install() {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                if (upToDate(c)) {
                    LOG.info("Database schema is up to date (" + CHANGELOG + ", every change set recorded)");
                    return;
                }
                migrate(c);
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("cannot install or upgrade the database schema: " + e.getMessage(), e);
                }
                int a = attempt;
                LOG.warning(() -> "Schema migration attempt " + a + " failed (" + e.getMessage() + "); retrying");
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while migrating the schema", ie);
                }
            }
        }
    }

    /** Every change set of the change log is recorded as ran: nothing for Liquibase to do, so it is not loaded. */
    static boolean upToDate(Connection c) throws IOException {
        try (InputStream log = SchemaInstaller.class.getClassLoader().getResourceAsStream(CHANGELOG)) {
            if (log == null) {
                throw new IOException(CHANGELOG + " is missing");
            }
            return ChangeLogState.complete(ChangeLogState.declared(log, CHANGELOG), ChangeLogState.applied(c));
        }
    }

    /** Brings the database on this connection to the latest schema version. */
    public static void migrate(Connection connection) throws Exception {
        System.setProperty("liquibase.analytics.enabled", "false"); // read before the scope below exists
        Map<String, Object> settings = Map.of("liquibase.analytics.enabled", false, "liquibase.showBanner", false);
        Scope.child(settings, () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                derby.setShutdownEmbeddedDerby(false); // the server's own database: never shut it down
            }
            try (Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(SchemaInstaller.class.getClassLoader()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        });
        LOG.info("Database schema is up to date (" + CHANGELOG + ")");
    }
}
