package io.certgate.domain.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a CA's last published CRL said: its number (RFC 5280 5.2.3: only grows, across re-signs and across
 * instances, because it lives in the database and is advanced under a row lock), thisUpdate, nextUpdate, and the
 * state of the revocations it lists (count and newest revocation time), so that every instance signs the same
 * content under one number. Roots keep it in {@link CrlState}, issuing CAs in their own row.
 */
@Embeddable
public class CrlCounter {

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

    public CrlCounter() {
    }

    /** True when this CRL lists exactly these revocations and is younger than {@code maxAge}. */
    public boolean isCurrent(long count, Instant newest, Instant now, Duration maxAge) {
        return thisUpdate != null && revokedCount == count && Objects.equals(newestRevocation, newest)
                && thisUpdate.plus(maxAge).isAfter(now);
    }

    /** The next CRL: a higher number, new times, the revocations it lists. */
    public void advance(long count, Instant newest, Instant now, Duration validity) {
        crlNumber++;
        thisUpdate = now;
        nextUpdate = now.plus(validity);
        revokedCount = count;
        newestRevocation = newest;
    }

    /** A detached copy, so that a caller may keep it after the transaction. */
    public CrlCounter copy() {
        CrlCounter c = new CrlCounter();
        c.crlNumber = crlNumber;
        c.thisUpdate = thisUpdate;
        c.nextUpdate = nextUpdate;
        c.revokedCount = revokedCount;
        c.newestRevocation = newestRevocation;
        return c;
    }

    public long getCrlNumber() { return crlNumber; }
    public Instant getThisUpdate() { return thisUpdate; }
    public Instant getNextUpdate() { return nextUpdate; }
    public long getRevokedCount() { return revokedCount; }
    public Instant getNewestRevocation() { return newestRevocation; }
}
