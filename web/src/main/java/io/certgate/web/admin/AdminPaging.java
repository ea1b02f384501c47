package io.certgate.web.admin;

import io.certgate.ejb.access.AuditColumn;
import io.certgate.ejb.access.AuditQuery;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.PageRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The admin API's list parameters read into the business layer's values: {@code offset} (default 0) and
 * {@code limit} (default {@value PageRequest#DEFAULT_LIMIT}, at most {@value PageRequest#MAX_LIMIT}), the audit
 * filter, and {@code status} of the pending lists. Absent or blank is the default; malformed is 400 naming the
 * parameter.
 */
public final class AdminPaging {

    private AdminPaging() {
    }

    static PageRequest page(String offset, String limit) {
        return new PageRequest(CertificateAdminRequests.number("offset", offset, 0),
                CertificateAdminRequests.number("limit", limit, PageRequest.DEFAULT_LIMIT));
    }

    /** The audit search: actor and action substrings, period {@code [from, to)}, an order, one page. */
    public static AuditQuery audit(String actor, String action, String from, String to, String sort, PageRequest page) {
        return new AuditQuery(actor, action, time("from", from), time("to", to), page, AuditColumn.parse(sort));
    }

    /**
     * An instant such as {@code 2026-11-01T10:15:00Z} or with an offset; without one (as a browser's date-time field
     * sends it, {@code 2026-11-01T10:15}) it is UTC, as on the console's audit page.
     */
    public static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidArgumentException(name + " must be a time such as 2026-11-01T10:15:00Z");
            }
        }
    }

    /** The pending lists list what waits: {@code status} absent or {@code pending}. */
    static void pendingOnly(String status) {
        if (status != null && !status.isBlank() && !status.trim().equalsIgnoreCase("pending")) {
            throw new InvalidArgumentException("status must be pending");
        }
    }

    /** The self-enrollments' {@code status}: absent is pending; pending, issued or rejected in any letter case. */
    static io.certgate.domain.binding.SelfEnrollment.Status selfEnrollmentStatus(String status) {
        if (status == null || status.isBlank()) {
            return io.certgate.domain.binding.SelfEnrollment.Status.PENDING;
        }
        for (io.certgate.domain.binding.SelfEnrollment.Status s : io.certgate.domain.binding.SelfEnrollment.Status.values()) {
            if (s.name().equalsIgnoreCase(status.trim())) {
                return s;
            }
        }
        throw new InvalidArgumentException("status must be pending, issued or rejected");
    }

    /** Whether a request names any audit filter or page (then it gets the page, not the older array). */
    static boolean any(String... values) {
        for (String v : values) {
            if (v != null) {
                return true;
            }
        }
        return false;
    }
}
