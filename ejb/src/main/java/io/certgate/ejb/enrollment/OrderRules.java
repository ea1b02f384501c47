package io.certgate.ejb.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of DigiCert orders and reissues (spec 003 and CertCentral's public conventions), as pure functions:
 * which names a product's certificate may carry, how long an order (the plan) and a certificate last, which
 * signature hashes exist.
 */
public final class OrderRules {

    static final int MAX_DNS_NAMES = 250;
    static final int MAX_EMAILS = 20;
    static final int MAX_ORDER_YEARS = 3;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final Set<String> HASHES = Set.of("sha256", "sha384", "sha512");

    private OrderRules() {
    }

    /** The names of the certificate: TLS common name first, then the other DNS names; or the e-mail addresses. */
    public record Names(String commonName, List<String> dnsNames, List<String> emails) {
    }

    public static Names names(DigiCertProduct product, CertificateSpec spec) {
        switch (product.kind()) {
            case TLS -> {
                String cn = lower(spec.commonName());
                if (cn == null) {
                    throw new InvalidOrderException("missing_field", "certificate.common_name is required for "
                            + product.nameId());
                }
                if (product.isWildcard() && !cn.startsWith("*.")) {
                    throw new InvalidOrderException("invalid_dns_name", product.nameId()
                            + " needs a wildcard common name such as *.example.com");
                }
                Set<String> names = new LinkedHashSet<>();
                names.add(dnsName(cn, product.isWildcard()));
                for (String n : spec.dnsNames()) {
                    names.add(dnsName(lower(n), product.isWildcard()));
                }
                if (names.size() > MAX_DNS_NAMES) {
                    throw new InvalidOrderException("invalid_value", "at most " + MAX_DNS_NAMES + " DNS names");
                }
                return new Names(cn, List.copyOf(names), List.of());
            }
            case CLIENT -> {
                if (spec.emails().isEmpty()) {
                    throw new InvalidOrderException("missing_field", "certificate.emails is required for "
                            + product.nameId());
                }
                if (spec.emails().size() > MAX_EMAILS) {
                    throw new InvalidOrderException("invalid_value", "at most " + MAX_EMAILS + " e-mail addresses");
                }
                List<String> emails = new ArrayList<>();
                for (String e : spec.emails()) {
                    if (e == null || !EMAIL.matcher(e.trim()).matches()) {
                        throw new InvalidOrderException("invalid_email", "not an e-mail address: " + printable(e));
                    }
                    emails.add(e.trim().toLowerCase(Locale.ROOT));
                }
                String cn = spec.commonName() == null || spec.commonName().isBlank() ? emails.get(0)
                        : spec.commonName().trim();
                return new Names(cn, List.of(), List.copyOf(emails));
            }
            default -> { // code signing: the subject comes from the CSR; common_name is omitted (spec 003)
                return new Names(null, List.of(), List.of());
            }
        }
    }

    /** A DNS name of a certificate: letters, digits, hyphens, dots; a leading {@code *.} only where allowed. */
    static String dnsName(String name, boolean wildcardAllowed) {
        if (name == null || name.length() > 253) {
            throw new InvalidOrderException("invalid_dns_name", "invalid DNS name: " + printable(name));
        }
        if (name.startsWith("*.") && !wildcardAllowed) {
            throw new InvalidOrderException("invalid_dns_name", "wildcard names need a wildcard product: "
                    + printable(name));
        }
        String base = name.startsWith("*.") ? name.substring(2) : name;
        if (base.contains("*") || !EnrollmentRules.isHostname(base) || !base.contains(".")) {
            throw new InvalidOrderException("invalid_dns_name", "invalid DNS name: " + printable(name));
        }
        String top = base.substring(base.lastIndexOf('.') + 1);
        if (top.isEmpty() || top.chars().allMatch(Character::isDigit)) {
            // an IPv4 literal (no top-level domain is numeric): no domain control to validate (issue 18, 5)
            throw new InvalidOrderException("invalid_dns_name", "an IP address is not a DNS name: " + printable(name));
        }
        return name;
    }

    /** The hex digest (lower case) of a PEM certificate's DER: CertCentral's thumbprint is SHA-1. */
    public static String thumbprint(String certPem, String algorithm) {
        String body = certPem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                    .digest(java.util.Base64.getDecoder().decode(body)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** is_rsassa_pss applies to the RSA CA only; with the ECC CA it is ignored (spec 003). */
    public static boolean rsassaPss(boolean requested, io.certgate.domain.ca.IssueAuthority ca) {
        return requested && ca == io.certgate.domain.ca.IssueAuthority.RSA;
    }

    /**
     * A duplicate names what its order names (CertCentral: identical fields but CSR, validity, platform and hash):
     * the same common name, DNS names among the order's.
     */
    public static void requireSameNames(Names duplicate, String orderCommonName, List<String> orderDnsNames) {
        if (duplicate.commonName() != null && orderCommonName != null
                && !duplicate.commonName().equalsIgnoreCase(orderCommonName)) {
            throw new InvalidOrderException("invalid_value", "a duplicate names the order's common name ("
                    + printable(orderCommonName) + "), not " + printable(duplicate.commonName()));
        }
        for (String n : duplicate.dnsNames()) {
            if (!orderDnsNames.contains(n)) {
                throw new InvalidOrderException("invalid_value", "a duplicate names only the order's DNS names: "
                        + printable(n) + " is not one of them");
            }
        }
    }

    /** sha256 (default), sha384 or sha512. */
    public static String signatureHash(String value) {
        String v = value == null || value.isBlank() ? "sha256" : value.trim().toLowerCase(Locale.ROOT);
        if (!HASHES.contains(v)) {
            throw new InvalidOrderException("invalid_signature_hash", "signature_hash must be sha256, sha384 or "
                    + "sha512");
        }
        return v;
    }

    /**
     * The end of an order's plan (its order_validity): {@code custom_expiration_date} over {@code days} over
     * {@code years}; one year when nothing is given; at most three years.
     */
    public static Instant planEnd(CertificateSpec.CertValidity v, Instant now) {
        Instant end;
        if (v == null || v.isEmpty()) {
            end = now.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
        } else if (v.customExpirationDate() != null) {
            end = endOfDay(v.customExpirationDate());
        } else if (v.days() != null) {
            end = now.plus(Duration.ofDays(positive("order_validity.days", v.days())));
        } else {
            end = now.atZone(ZoneOffset.UTC).plusYears(positive("order_validity.years", v.years())).toInstant();
        }
        if (!end.isAfter(now)) {
            throw new InvalidOrderException("invalid_value", "the order validity must end in the future");
        }
        if (end.isAfter(now.atZone(ZoneOffset.UTC).plusYears(MAX_ORDER_YEARS).toInstant())) {
            throw new InvalidOrderException("invalid_value", "the order validity is at most " + MAX_ORDER_YEARS
                    + " years");
        }
        return end;
    }

    /**
     * The end of a certificate of an order: as asked ({@code custom_expiration_date} over {@code days} over
     * {@code years}), at most {@value DigiCertProduct#MAX_CERTIFICATE_DAYS} days from now (else an error); with
     * nothing asked, as long as that allows; never past the order's plan (an explicit date past it is an error,
     * anything else is cut to it).
     */
    public static Instant certificateEnd(CertificateSpec.CertValidity v, Instant planEnd, Instant now) {
        Instant max = now.plus(Duration.ofDays(DigiCertProduct.MAX_CERTIFICATE_DAYS));
        Instant end;
        if (v == null || v.isEmpty()) {
            end = max;
        } else if (v.customExpirationDate() != null) {
            end = endOfDay(v.customExpirationDate());
            if (end.isAfter(planEnd)) {
                throw new InvalidOrderException("cert_validity_exceeds_order_validity", "custom_expiration_date is "
                        + "after the end of the order's validity (" + planEnd.atZone(ZoneOffset.UTC).toLocalDate() + ")");
            }
        } else if (v.days() != null) {
            if (positive("cert_validity.days", v.days()) > DigiCertProduct.MAX_CERTIFICATE_DAYS) {
                throw new InvalidOrderException("invalid_value", "cert_validity.days is at most "
                        + DigiCertProduct.MAX_CERTIFICATE_DAYS);
            }
            end = now.plus(Duration.ofDays(v.days()));
        } else {
            end = now.atZone(ZoneOffset.UTC).plusYears(positive("cert_validity.years", v.years())).toInstant();
        }
        if (!end.isAfter(now)) {
            throw new InvalidOrderException("invalid_value", "the certificate validity must end in the future");
        }
        // a custom date names a day: its end may pass the limit by hours, which is cut below
        if (end.isAfter(max.plus(Duration.ofDays(1)))) {
            throw new InvalidOrderException("invalid_value", "a certificate is valid for at most "
                    + DigiCertProduct.MAX_CERTIFICATE_DAYS + " days");
        }
        if (end.isAfter(max)) {
            end = max;
        }
        return end.isAfter(planEnd) ? planEnd : end;
    }

    /**
     * An order's status as CertCentral names it, from what certgate stores: a new order waiting for an approver is
     * {@code needs_approval}, one approved and waiting for DCV {@code pending}; an issued order whose reissue waits is
     * {@code reissue_pending}, one whose certificate ended {@code expired}; else the stored status (issued, rejected,
     * canceled, revoked).
     */
    public static String orderStatus(String stored, boolean certificateExpired, boolean newRequestAwaitsApproval,
                                     boolean reissueWaits) {
        return switch (stored) {
            case "pending" -> newRequestAwaitsApproval ? "needs_approval" : "pending";
            case "issued" -> certificateExpired ? "expired" : reissueWaits ? "reissue_pending" : "issued";
            default -> stored;
        };
    }

    /**
     * The status of a reissue or duplicate in its list, in CertCentral's values: {@code issued} once it brought a
     * certificate, {@code approved} (waiting for DCV), {@code pending} (waiting for an approver), {@code rejected}
     * (also when canceled).
     */
    public static String reissueStatus(String requestStatus, boolean issued) {
        if (issued) {
            return "issued";
        }
        return switch (requestStatus) {
            case "approved" -> "approved";
            case "pending" -> "pending";
            default -> "rejected";
        };
    }

    /**
     * A date filter of the order list ({@code filters[valid_till]}, CertCentral's forms): {@code >d}, {@code >=d},
     * {@code <d}, {@code <=d}, {@code d1...d2} (both days included) or {@code d}; days as yyyy-MM-dd.
     */
    public static java.util.function.Predicate<LocalDate> dateFilter(String name, String expr) {
        String e = expr == null ? "" : expr.trim();
        try {
            if (e.startsWith(">=")) {
                LocalDate d = LocalDate.parse(e.substring(2).trim());
                return v -> !v.isBefore(d);
            }
            if (e.startsWith("<=")) {
                LocalDate d = LocalDate.parse(e.substring(2).trim());
                return v -> !v.isAfter(d);
            }
            if (e.startsWith(">")) {
                LocalDate d = LocalDate.parse(e.substring(1).trim());
                return v -> v.isAfter(d);
            }
            if (e.startsWith("<")) {
                LocalDate d = LocalDate.parse(e.substring(1).trim());
                return v -> v.isBefore(d);
            }
            if (e.contains("...")) {
                String[] p = e.split("\\.\\.\\.", 2);
                LocalDate from = LocalDate.parse(p[0].trim());
                LocalDate to = LocalDate.parse(p[1].trim());
                return v -> !v.isBefore(from) && !v.isAfter(to);
            }
            LocalDate d = LocalDate.parse(e);
            return d::equals;
        } catch (java.time.format.DateTimeParseException ex) {
            throw new InvalidOrderException("invalid_date", name + " must be a day (yyyy-MM-dd), optionally after "
                    + ">, >=, <, <=, or a range from...to: " + printable(expr));
        }
    }

    /** The order list's {@code sort}: a field, descending with a leading '-'. */
    public record Sort(String field, boolean descending) {
    }

    private static final Set<String> SORT_FIELDS = Set.of("id", "date_created", "valid_till", "common_name",
            "status", "product_name_id");

    /** {@code sort=}: id, date_created, valid_till, common_name, status or product_name_id; '-' before: descending. */
    public static Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return new Sort("id", true);
        }
        String v = value.trim();
        boolean desc = v.startsWith("-");
        String field = desc || v.startsWith("+") ? v.substring(1) : v;
        if (!SORT_FIELDS.contains(field)) {
            throw new InvalidOrderException("invalid_value", "sort must be one of " + String.join(", ",
                    new java.util.TreeSet<>(SORT_FIELDS)) + ", with '-' for descending");
        }
        return new Sort(field, desc);
    }

    private static final Pattern SYNC_TIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[+ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?(Z|[+-]\\d{2}:?\\d{2})?");

    /**
     * {@code filters[status_last_updated]} of GET /order/certificate/status-changes: {@code from...to}, each
     * {@code yyyy-M-d} with an optional time {@code H:m:s} after {@code +}, a space or {@code T} (Keyfactor's
     * gateway sends {@code 2026-12-6+19:5:0}), UTC unless an offset follows; a date alone is its whole day.
     * {@code to} may be left out: until now.
     */
    public static Instant[] statusWindow(String filter, Instant now) {
        if (filter == null || filter.isBlank()) {
            throw new InvalidOrderException("missing_field", "filters[status_last_updated] is required (from...to)");
        }
        String[] parts = filter.trim().split("\\.\\.\\.", -1);
        if (parts.length > 2) {
            throw new InvalidOrderException("invalid_date", "filters[status_last_updated] is from...to");
        }
        Instant from = syncTime(parts[0], false);
        Instant to = parts.length < 2 || parts[1].isBlank() ? now : syncTime(parts[1], true);
        if (to.isBefore(from)) {
            throw new InvalidOrderException("invalid_date", "filters[status_last_updated] ends before it starts");
        }
        return new Instant[] {from, to};
    }

    private static Instant syncTime(String text, boolean end) {
        java.util.regex.Matcher m = SYNC_TIME.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidOrderException("invalid_date", "not a date and time: " + printable(text)
                    + " (yyyy-MM-dd or yyyy-MM-dd+HH:mm:ss)");
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            java.time.LocalDateTime t = m.group(4) == null
                    ? (end ? d.atTime(23, 59, 59, 999_999_999) : d.atStartOfDay())
                    : d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            ZoneOffset zone = m.group(7) == null || "Z".equals(m.group(7)) ? ZoneOffset.UTC
                    : ZoneOffset.of(m.group(7).length() == 5 ? m.group(7).substring(0, 3) + ":" + m.group(7).substring(3)
                    : m.group(7));
            return t.toInstant(zone);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new InvalidOrderException("invalid_date", "not a date and time: " + printable(text));
        }
    }

    private static Instant endOfDay(LocalDate date) {
        return date.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new InvalidOrderException("invalid_value", name + " must be positive");
        }
        return value;
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
