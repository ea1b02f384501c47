package io.certgate.ejb.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomPreconditionErrorException;
import liquibase.exception.CustomPreconditionFailedException;
import liquibase.precondition.CustomPrecondition;

/**
 * The precondition of each schema change set: it fails (and the change set is marked ran, not run) when the
 * schema installer of an earlier release already installed that version, as its CG_SCHEMA_VERSION table says.
 * Table names are looked up as JDBC metadata gives them (upper case in Derby, lower case in PostgreSQL).
 */
public class InstalledBefore implements CustomPrecondition {

    private String version;

    public void setVersion(String version) {
        this.version = version;
    }

    @Override
    public void check(Database database) throws CustomPreconditionFailedException, CustomPreconditionErrorException {
        try {
            Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            if (!tableExists(c, "CG_SCHEMA_VERSION")) {
                return;
            }
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM CG_SCHEMA_VERSION WHERE SCHEMA_VERSION = ?")) {
                p.setInt(1, Integer.parseInt(version));
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        throw new CustomPreconditionFailedException("schema version " + version
                                + " was installed by an earlier release");
                    }
                }
            }
        } catch (CustomPreconditionFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new CustomPreconditionErrorException("cannot read CG_SCHEMA_VERSION", e);
        }
    }

    private static boolean tableExists(Connection c, String table) throws Exception {
        for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
