package io.certgate.ejb.access;

import io.certgate.domain.access.AdminUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.Map;

/**
 * Operators of the admin console and API. Passwords are stored as PBKDF2-HMAC-SHA256 hashes in the Jakarta
 * Security format, which the web module's database identity store verifies.
 */
@Stateless
public class AdminUsers {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash hash;

    public boolean exists(String username) {
        return em.find(AdminUser.class, username) != null;
    }

    public void create(String username, char[] password) {
        if (password.length < 12) {
            throw new IllegalArgumentException("admin passwords must have at least 12 characters");
        }
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "100000", "Pbkdf2PasswordHash.SaltSizeBytes", "16"));
        em.persist(new AdminUser(username, hash.generate(password), AdminUser.ADMIN_ROLE, Instant.now()));
    }
}
