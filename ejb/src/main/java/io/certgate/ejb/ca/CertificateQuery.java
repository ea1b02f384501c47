package io.certgate.ejb.ca;

import io.certgate.domain.ca.CertificateStatus;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.ListOrder;
import java.math.BigInteger;

/**
 * What an operator looks for among an organization's certificates: every criterion is optional and they all hold
 * at once. {@code deviceId} is the device's id (binding's; the facade resolves an assetId to it); {@code status}
 * is the status at the time of the query ({@link io.certgate.domain.ca.IssuedCertificate#statusAt}: revoked wins,
 * expired is past notAfter and not revoked); {@code serial} the X.509 serial number; {@code subject} a
 * case-insensitive substring of the subject DN; {@code expiringWithinDays} N lists the certificates that are not
 * revoked and whose notAfter lies between now and now + N days (ordered by notAfter, soonest first; otherwise
 * newest first) unless {@code order} says otherwise. A page is {@code offset} and {@code limit} (at most
 * {@value #MAX_LIMIT}).
 */
public record CertificateQuery(Long deviceId, CertificateStatus status, BigInteger serial, String subject,
                               Integer expiringWithinDays, int offset, int limit, ListOrder<CertificateColumn> order) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** A hundred years: longer than any root this CA signs with. */
    public static final int MAX_DAYS = 36500;
    /** The subject column's length: a longer substring cannot match. */
    public static final int MAX_SUBJECT = 1024;

    public CertificateQuery {
        if (offset < 0) {
            throw new InvalidArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > MAX_DAYS)) {
            throw new InvalidArgumentException("expiringWithinDays must be between 0 and " + MAX_DAYS);
        }
        if (expiringWithinDays != null && status != null && status != CertificateStatus.VALID) {
            throw new InvalidArgumentException("expiringWithinDays lists certificates that are neither revoked nor "
                    + "expired: status must be valid or absent with it");
        }
        if (serial != null && serial.signum() <= 0) {
            throw new InvalidArgumentException("serial must be a positive hexadecimal number");
        }
        subject = subject == null || subject.isBlank() ? null : subject.trim();
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw new InvalidArgumentException("subject must be at most " + MAX_SUBJECT + " characters");
        }
        if (order == null) {
            order = CertificateColumn.defaultFor(expiringWithinDays);
        }
    }

    /** In the default order: newest first, or soonest end first when listing what expires. */
    public CertificateQuery(Long deviceId, CertificateStatus status, BigInteger serial, String subject,
                            Integer expiringWithinDays, int offset, int limit) {
        this(deviceId, status, serial, subject, expiringWithinDays, offset, limit, null);
    }

    /** The same search of another device. */
    public CertificateQuery forDevice(Long id) {
        return new CertificateQuery(id, status, serial, subject, expiringWithinDays, offset, limit, order);
    }

    /** The same search in another order. */
    public CertificateQuery orderedBy(ListOrder<CertificateColumn> o) {
        return new CertificateQuery(deviceId, status, serial, subject, expiringWithinDays, offset, limit, o);
    }

    /** The same search, another page. */
    public CertificateQuery page(int newOffset, int newLimit) {
        return new CertificateQuery(deviceId, status, serial, subject, expiringWithinDays, newOffset, newLimit, order);
    }

    /** Every certificate of the organization that is not revoked and ends within {@code days} days. */
    public static CertificateQuery expiring(int days, int offset, int limit) {
        return new CertificateQuery(null, null, null, null, days, offset, limit);
    }

    public boolean isExpiring() {
        return expiringWithinDays != null;
    }
}
