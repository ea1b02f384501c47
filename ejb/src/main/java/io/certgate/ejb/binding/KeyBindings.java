package io.certgate.ejb.binding;

import io.certgate.domain.binding.KeyBinding;
import io.certgate.domain.device.Device;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

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

    /** Binds the key to the device unless it is bound already; true when this call bound it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String publicKeySha256, long deviceId) {
        if (em.find(KeyBinding.class, publicKeySha256) != null) {
            return false;
        }
        em.persist(new KeyBinding(publicKeySha256, em.getReference(Device.class, deviceId), Instant.now()));
        em.flush(); // a concurrent claim of the same key fails here (primary key), in this transaction only
        return true;
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
