package io.certgate.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator of the admin console and admin API; the password is a PBKDF2 hash (Jakarta Security format). */
@Entity
@Table(name = "CG_ADMIN_USER")
public class AdminUser {

    public static final String ADMIN_ROLE = "admin";

    @Id
    @Column(name = "USERNAME", length = 64)
    private String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 256)
    private String passwordHash;

    @Column(name = "ROLE_NAME", nullable = false, length = 32)
    private String roleName;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected AdminUser() {
    }

    public AdminUser(String username, String passwordHash, String roleName, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roleName = roleName;
        this.createdAt = createdAt;
    }

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getRoleName() { return roleName; }
    public Instant getCreatedAt() { return createdAt; }
}
