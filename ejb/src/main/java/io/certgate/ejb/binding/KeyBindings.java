package io.certgate.ejb.binding;

import io.certgate.domain.binding.KeyBinding;
import io.certgate.ejb.common.UniqueInsert;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * One public key, one device. The claim is its own transaction: when two requests race with one key, the
 * database's primary key lets one insert win and the other's insert fail without dooming its caller's
 * transaction; the caller then reads who holds the key. The same device racing with itself therefore
 * succeeds twice, another device is refused.
 */
@Stateless
public class KeyBindings {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @Resource(lookup = "jdbc/certgate")
    private DataSource database;

    @Resource
    private SessionContext context;

    /**
     * Binds the key to the device unless it is bound already; true when this call bound it. A concurrent claim of
     * the same key loses on the primary key, in this transaction only, and answers false without a stack trace in
     * the log (plain JDBC: see {@link UniqueInsert}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String publicKeySha256, long deviceId) {
        if (em.find(KeyBinding.class, publicKeySha256) != null) {
            return false;
        }
        try (Connection c = database.getConnection()) {
            if (UniqueInsert.insert(c, "INSERT INTO CG_KEY_BINDING (PUBLIC_KEY_SHA256, DEVICE_ID, BOUND_AT) "
                    + "VALUES (?, ?, ?)", publicKeySha256, deviceId, Instant.now())) {
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind a key", e);
        }
        context.setRollbackOnly(); // the failed statement may have doomed the transaction (PostgreSQL): end it cleanly
        return false;
    }

    /** The id of the device the key is bound to, or null, as the caller's transaction sees it. */
    public Long boundDevice(String publicKeySha256) {
        KeyBinding b = em.find(KeyBinding.class, publicKeySha256);
        return b == null ? null : b.getDevice().getId();
    }

    /** The id of the device the key is bound to, or null, as committed now (after a lost race). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Long holder(String publicKeySha256) {
        KeyBinding b = em.find(KeyBinding.class, publicKeySha256);
        return b == null ? null : b.getDevice().getId();
    }
}
