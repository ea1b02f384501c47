package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssuedCertificate;
import java.time.Instant;
import java.util.List;

/**
 * One page of a {@link CertificateQuery}'s answer: {@code total} certificates match in all, {@code certificates}
 * are those from {@code offset}, at most {@code limit}; {@code at} is the instant the statuses were decided at
 * (give it to {@link IssuedCertificate#statusAt} so that every row says what the query meant).
 */
public record CertificatePage(Instant at, long total, int offset, int limit, List<IssuedCertificate> certificates) {

    public CertificatePage {
        certificates = List.copyOf(certificates);
    }
}
