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
