package io.certgate.ejb.enrollment;

import io.certgate.domain.enrollment.CertProductType;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.MissingParameterException;
import io.certgate.ejb.common.ParameterTooLongException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of the Symantec CertManager enroll/renew contract (spec 002). Pure functions: no database,
 * so they are unit-tested case by case.
 */
public final class EnrollmentRules {

    public static final int MAX_NAME = 240;
    public static final int MAX_ID = 32;
    public static final int MAX_SANS = 100;
    static final int MAX_SERVER_TYPE = 64;
    static final int MAX_CSR_CHARS = 16 * 1024;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern SERVER_TYPE = Pattern.compile("[A-Za-z0-9 ._()/+-]+");
    private static final Pattern TRANSACTION_ID = Pattern.compile("[0-9a-f]{32}");
    private static final DateTimeFormatter END_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private EnrollmentRules() {
    }

    /**
     * Validates the fields every enroll and renew shares. {@code specificEndDateAllowed} is the account
     * option: when off, a well-formed specificEndDate is accepted and ignored.
     */
    public static ValidatedEnrollment validate(EnrollmentRequest r, boolean specificEndDateAllowed, Instant now) {
        String firstName = text("firstName", r.firstName(), MAX_NAME);
        String lastName = text("lastName", r.lastName(), MAX_NAME);
        String email = emails(r.email());
        String csr = required("csr", r.csr());
        if (csr.length() > MAX_CSR_CHARS) {
            throw new ParameterTooLongException("csr", MAX_CSR_CHARS);
        }
        CertProductType type = CertProductType.parse(required("certProductType", r.certProductType()))
                .orElseThrow(() -> new InvalidArgumentException("invalid value for certProductType: "
                        + "expected one of HAServer, HAGlobalServer, Server, GlobalServer, IntranetServer, "
                        + "IntranetGlobalServer, PrivateServer, GeotrustServer, CodeSigning, JavaCodeSigning, "
                        + "EVCodeSigning"));
        String serverType = text("serverType", r.serverType(), MAX_SERVER_TYPE);
        if (!SERVER_TYPE.matcher(serverType).matches()) {
            throw new InvalidArgumentException("invalid value for serverType");
        }
        if (type.isCodeSigning()) {
            serverType = null; // required by the contract, ignored for code signing
        }
        int years = validityYears(r.validityPeriod(), type);
        Instant endDate = specificEndDate(r.specificEndDate(), years, type, now);
        String challenge = text("challenge", r.challenge(), MAX_ID);
        List<String> sans = subjectAltNames(r.subjectAltNames(), type);
        SignatureAlgorithm alg = signatureAlgorithm(r.signatureAlgorithm(), type);
        String ct = ctLogOption(r.ctLogOption());
        return new ValidatedEnrollment(firstName, lastName, email, csr, type, serverType, years,
                specificEndDateAllowed ? endDate : null, challenge, sans, alg, ct);
    }

    static int validityYears(String value, CertProductType type) {
        String v = required("validityPeriod", value);
        if (v.length() > 2) {
            throw new ParameterTooLongException("validityPeriod", 2);
        }
        int years = switch (v) {
            case "1Y" -> 1;
            case "2Y" -> 2;
            case "3Y" -> 3;
            default -> throw new InvalidArgumentException("invalid value for validityPeriod: expected 1Y, 2Y or 3Y");
        };
        if (years > type.maxYears()) {
            throw new InvalidArgumentException("invalid value for validityPeriod: 3Y is only for PrivateServer and "
                    + "code signing certificates");
        }
        return years;
    }

    /** MM/DD/YYYY, after today, within the validity period (so within 2 years, 3 for private SSL and code signing). */
    static Instant specificEndDate(String value, int validityYears, CertProductType type, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 10) {
            throw new ParameterTooLongException("specificEndDate", 10);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim(), END_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException("invalid value for specificEndDate: expected MM/DD/YYYY");
        }
        Instant end = date.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        ZonedDateTime start = now.atZone(ZoneOffset.UTC);
        if (!end.isAfter(now)) {
            throw new InvalidArgumentException("invalid value for specificEndDate: the date has passed");
        }
        int limitYears = Math.min(validityYears, type.maxYears());
        if (end.isAfter(start.plusYears(limitYears).toInstant())) {
            throw new InvalidArgumentException("invalid value for specificEndDate: must be within " + limitYears
                    + " year(s) of the start date");
        }
        return end;
    }

    static List<String> subjectAltNames(String value, CertProductType type) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (type.isCodeSigning()) {
            throw new InvalidArgumentException("invalid value for subject_alt_names: not allowed for code signing");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String n = part.trim();
            if (n.isEmpty()) {
                continue;
            }
            if (n.length() > 253 || !HOSTNAME.matcher(n).matches()) {
                throw new InvalidArgumentException("invalid value for subject_alt_names: '" + printable(n)
                        + "' is not a domain name");
            }
            names.add(n.toLowerCase(java.util.Locale.ROOT));
        }
        if (names.size() > MAX_SANS) {
            throw new InvalidArgumentException("invalid value for subject_alt_names: at most " + MAX_SANS + " names");
        }
        return new ArrayList<>(names);
    }

    static SignatureAlgorithm signatureAlgorithm(String value, CertProductType type) {
        if (value == null || value.isBlank()) {
            return SignatureAlgorithm.DEFAULT;
        }
        if (value.length() > MAX_ID) {
            throw new ParameterTooLongException("signatureAlgorithm", MAX_ID);
        }
        SignatureAlgorithm alg = SignatureAlgorithm.parse(value).orElseThrow(() -> new InvalidArgumentException(
                "invalid value for signatureAlgorithm: expected sha1WithRSAEncryption, sha256WithRSAEncryption, "
                        + "sha256WithRSAEncryptionFull, ECDSAwithSHA256 or ECDSAwithSHA256andRSAroot"));
        if (type == CertProductType.EVCodeSigning && alg != SignatureAlgorithm.sha256WithRSAEncryption) {
            throw new InvalidArgumentException("invalid value for signatureAlgorithm: EV Code Signing supports only "
                    + "sha256WithRSAEncryption");
        }
        if (alg == SignatureAlgorithm.sha1WithRSAEncryption) {
            throw new InvalidArgumentException("invalid value for signatureAlgorithm: SHA-1 certificates are no "
                    + "longer issued; use sha256WithRSAEncryption");
        }
        return alg;
    }

    static String ctLogOption(String value) {
        if (value == null || value.isEmpty()) {
            return "public";
        }
        if (!value.equals("public") && !value.equals("nolog")) {
            throw new InvalidArgumentException("invalid value for ctLogOption: expected public or nolog (case-sensitive)");
        }
        return value;
    }

    static String emails(String value) {
        String v = text("email", value, MAX_NAME);
        for (String part : v.split(",")) {
            if (!EMAIL.matcher(part.trim()).matches()) {
                throw new InvalidArgumentException("invalid value for email: '" + printable(part.trim())
                        + "' is not an email address");
            }
        }
        return v;
    }

    /** A transaction id parameter: at most 32 characters; an id of another shape cannot exist. */
    /** A transaction id in its stored form (lower case: ids match whatever their letter case); null if none can exist. */
    public static String transactionId(String name, String value) {
        String v = text(name, value, MAX_ID).toLowerCase(java.util.Locale.ROOT);
        return TRANSACTION_ID.matcher(v).matches() ? v : null;
    }

    public static String text(String name, String value, int maxLength) {
        String v = required(name, value);
        if (v.length() > maxLength) {
            throw new ParameterTooLongException(name, maxLength);
        }
        return v;
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingParameterException(name);
        }
        return value.trim();
    }

    /** Is {@code name} a host name (the common name of TLS certificates must be one)? */
    public static boolean isHostname(String name) {
        return name != null && name.length() <= 253 && HOSTNAME.matcher(name).matches();
    }

    private static String printable(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
