package io.certgate.domain.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The CRL an authority last published: its number (RFC 5280 5.2.3: only grows, across re-signs and across
 * instances, because it lives here and is advanced under a row lock), thisUpdate, nextUpdate, and the state of
 * the revocations it lists (count and newest revocation time), so that every instance signs the same content
 * under one number.
 */
@Entity
@Table(name = "CG_CRL")
public class CrlState {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "AUTHORITY", length = 8)
    private IssueAuthority authority;

    @Column(name = "CRL_NUMBER", nullable = false)
    private long crlNumber;

    @Column(name = "THIS_UPDATE")
    private Instant thisUpdate;

    @Column(name = "NEXT_UPDATE")
    private Instant nextUpdate;

    @Column(name = "REVOKED_COUNT", nullable = false)
    private long revokedCount;

    @Column(name = "NEWEST_REVOCATION")
    private Instant newestRevocation;

    protected CrlState() {
    }

    /** True when this CRL lists exactly these revocations and is younger than {@code maxAge}. */
    public boolean isCurrent(long count, Instant newest, Instant now, java.time.Duration maxAge) {
        return thisUpdate != null && revokedCount == count && java.util.Objects.equals(newestRevocation, newest)
                && thisUpdate.plus(maxAge).isAfter(now);
    }

    /** The next CRL: a higher number, new times, the revocations it lists. */
    public void advance(long count, Instant newest, Instant now, java.time.Duration validity) {
        crlNumber++;
        thisUpdate = now;
        nextUpdate = now.plus(validity);
        revokedCount = count;
        newestRevocation = newest;
    }

    public IssueAuthority getAuthority() { return authority; }
    public long getCrlNumber() { return crlNumber; }
    public Instant getThisUpdate() { return thisUpdate; }
    public Instant getNextUpdate() { return nextUpdate; }
    public long getRevokedCount() { return revokedCount; }
    public Instant getNewestRevocation() { return newestRevocation; }
}
