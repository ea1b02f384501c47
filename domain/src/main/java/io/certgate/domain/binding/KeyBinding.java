package io.certgate.domain.binding;

import io.certgate.domain.device.Device;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One public key, one device: the primary key is the key's SHA-256, so the database itself refuses a second
 * device for the same key even when two requests race.
 */
@Entity
@Table(name = "CG_KEY_BINDING")
public class KeyBinding {

    @Id
    @Column(name = "PUBLIC_KEY_SHA256", length = 64)
    private String publicKeySha256;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "DEVICE_ID", nullable = false)
    private Device device;

    @Column(name = "BOUND_AT", nullable = false)
    private Instant boundAt;

    protected KeyBinding() {
    }

    public KeyBinding(String publicKeySha256, Device device, Instant boundAt) {
        this.publicKeySha256 = publicKeySha256;
        this.device = device;
        this.boundAt = boundAt;
    }

    public String getPublicKeySha256() { return publicKeySha256; }
    public Device getDevice() { return device; }
    public Instant getBoundAt() { return boundAt; }
}
