package io.certgate.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An operator of the admin console and admin API with one role; the password is a PBKDF2 hash (Jakarta Security
 * format). A disabled operator cannot sign in (the identity store reads only enabled rows); the row stays for the
 * audit trail.
 */
@Entity
@Table(name = "CG_ADMIN_USER")
@NamedQuery(name = AdminUser.ALL, query = "SELECT u FROM AdminUser u ORDER BY u.username")
@NamedQuery(name = AdminUser.ENABLED_IN_ROLE,
        query = "SELECT u FROM AdminUser u WHERE u.enabled = TRUE AND u.roleName = :role")
public class AdminUser {

    public static final String ALL = "AdminUser.all";
    public static final String ENABLED_IN_ROLE = "AdminUser.enabledInRole";

    @Id
    @Column(name = "USERNAME", length = 64)
    private String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 256)
    private String passwordHash;

    /**
     * The same password as Liberty's own user registry checks it ({@code {hash}}, salted PBKDF2), for the Admin
     * Center sign-in of admins; null for operators whose password was set before schema 9 (until it is rotated).
     */
    @Column(name = "SERVER_PASSWORD_HASH", length = 512)
    private String serverPasswordHash;

    @Column(name = "ROLE_NAME", nullable = false, length = 32)
    private String roleName;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected AdminUser() {
    }

    public AdminUser(String username, String passwordHash, String serverPasswordHash, OperatorRole role,
            Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.serverPasswordHash = serverPasswordHash;
        this.roleName = role.roleName();
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getServerPasswordHash() { return serverPasswordHash; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isEnabled() { return enabled; }

    public OperatorRole getRole() {
        return OperatorRole.byName(roleName).orElseThrow(() -> new IllegalStateException("operator " + username
                + " has the unknown role " + roleName));
    }

    public void changeRole(OperatorRole role) {
        this.roleName = role.roleName();
    }

    public void changePassword(String passwordHash, String serverPasswordHash) {
        this.passwordHash = passwordHash;
        this.serverPasswordHash = serverPasswordHash;
    }

    public void enable() {
        this.enabled = true;
    }

    public void disable() {
        this.enabled = false;
    }
}
