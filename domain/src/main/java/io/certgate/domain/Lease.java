package io.certgate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A named turn at a job that only one instance may do at a time (the expiry warnings): its owner and until when
 * it holds. Instances lock the row (SELECT ... FOR UPDATE) and ask it {@link #take}: the database decides, so
 * two instances never both hold it.
 */
@Entity
@Table(name = "CG_LEASE")
public class Lease {

    /** The lease of the scheduled expiry warnings. */
    public static final String EXPIRY_WARNINGS = "expiry-warnings";
    /** Locked (never taken) while an issuing CA is made, so that instances make one generation once. */
    public static final String ISSUING_CA = "issuing-ca";

    @Id
    @Column(name = "NAME", length = 64)
    private String name;

    @Column(name = "OWNER", length = 128)
    private String owner;

    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;

    protected Lease() {
    }

    /** A lease nobody holds yet. */
    public Lease(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Takes or renews the lease for {@code term} from {@code now}: the owner may renew it whenever it likes,
     * anyone may take it once it has expired (its holder stopped renewing, e.g. it died); otherwise false and the
     * lease stays as it was.
     */
    public boolean take(String candidate, Instant now, Duration term) {
        Objects.requireNonNull(candidate, "candidate");
        if (term.isNegative() || term.isZero()) {
            throw new IllegalArgumentException("a lease is taken for a positive term, not " + term);
        }
        boolean free = owner == null || expiresAt == null || !now.isBefore(expiresAt);
        if (!free && !owner.equals(candidate)) {
            return false;
        }
        owner = candidate;
        expiresAt = now.plus(term);
        return true;
    }

    public String getName() { return name; }
    public String getOwner() { return owner; }
    public Instant getExpiresAt() { return expiresAt; }
}
