package io.certgate.ejb.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * An insert whose unique key decides a race (a nonce seen once, a key bound to one device): the losing insert is
 * an expected answer, not a failure. Plain parameterized JDBC on purpose: through JPA the losing insert's constraint
 * violation is logged by EclipseLink as a WARNING with a stack trace before certgate can answer it, once per losing
 * request. The caller runs it in a transaction of its own and rolls that back when the insert lost.
 */
public final class UniqueInsert {

    /** SQLSTATE of a unique or primary key violation (SQL standard; Derby and PostgreSQL both use it). */
    static final String UNIQUE_VIOLATION = "23505";

    private UniqueInsert() {
    }

    /** Runs the insert; false when a row with the same unique key exists (committed, or won by a concurrent insert). */
    public static boolean insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                s.setObject(i + 1, p instanceof Instant at ? Timestamp.from(at) : p);
            }
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
