package io.certgate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A password-protected PKCS#12 keystore kept in the database, so that every instance sharing the database has
 * the same keys: row {@value #CA} holds the roots (PKCS#12 custody), row {@code secrets} the AES key that
 * encrypts stored secrets (access). Shared by those two modules, hence here.
 */
@Entity
@Table(name = "CG_KEYSTORE")
public class StoredKeyStore {

    public static final String CA = "ca";

    @Id
    @Column(name = "NAME", length = 32)
    private String name;

    @Column(name = "P12_BASE64", nullable = false, length = 32000)
    private String p12Base64;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected StoredKeyStore() {
    }

    public StoredKeyStore(String name, String p12Base64, Instant updatedAt) {
        this.name = name;
        this.p12Base64 = p12Base64;
        this.updatedAt = updatedAt;
    }

    public void replace(String newP12Base64, Instant at) {
        this.p12Base64 = newP12Base64;
        this.updatedAt = at;
    }

    public String getName() { return name; }
    public String getP12Base64() { return p12Base64; }
    public Instant getUpdatedAt() { return updatedAt; }
}
