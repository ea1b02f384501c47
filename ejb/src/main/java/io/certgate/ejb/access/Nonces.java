package io.certgate.ejb.access;

import io.certgate.ejb.common.UniqueInsert;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Nonces (token-request encryptions, request signatures) used once, whichever instance sees them: the row's primary
 * key decides, in a transaction of its own, so two identical requests racing get one success and one replay answer
 * (EnOS 1001) and the log gets no stack trace for the expected loser.
 */
@Stateless
public class Nonces {

    private static final Logger LOG = Logger.getLogger(Nonces.class.getName());

    @Resource(lookup = "jdbc/certgate")
    private DataSource database;

    @Resource
    private SessionContext context;

    /** Records the nonce (its SHA-256) until {@code expiresAt}; false when it was seen before, here or elsewhere. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean firstUse(String nonceSha256, Instant expiresAt) {
        try (Connection c = database.getConnection()) {
            if (UniqueInsert.insert(c, "INSERT INTO CG_NONCE (NONCE_SHA256, EXPIRES_AT) VALUES (?, ?)", nonceSha256,
                    expiresAt)) {
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a nonce", e);
        }
        context.setRollbackOnly(); // the failed statement may have doomed the transaction (PostgreSQL): end it cleanly
        LOG.fine(() -> "nonce " + nonceSha256.substring(0, 12) + "... seen before (replay or a lost race)");
        return false;
    }
}
