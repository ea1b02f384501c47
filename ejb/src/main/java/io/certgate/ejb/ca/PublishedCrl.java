package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import java.time.Instant;

/** The CRL an authority publishes now: its CRL number, thisUpdate, nextUpdate and how many revocations it lists. */
public record PublishedCrl(IssueAuthority authority, long number, Instant thisUpdate, Instant nextUpdate,
                           long revokedCount) {
}
