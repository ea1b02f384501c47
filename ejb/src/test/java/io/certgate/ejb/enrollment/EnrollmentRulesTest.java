package io.certgate.ejb.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.enrollment.CertProductType;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.MissingParameterException;
import io.certgate.ejb.common.ParameterTooLongException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnrollmentRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final DateTimeFormatter MDY = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    static EnrollmentRequest request() {
        return new EnrollmentRequest("John", "Doe", "john@example.com", "CSR", "Server", "Apache", "1Y", null,
                "secret1", null, null, null, null, null, null);
    }

    static EnrollmentRequest with(String field, String value) {
        EnrollmentRequest r = request();
        return new EnrollmentRequest(
                field.equals("firstName") ? value : r.firstName(), field.equals("lastName") ? value : r.lastName(),
                field.equals("email") ? value : r.email(), field.equals("csr") ? value : r.csr(),
                field.equals("certProductType") ? value : r.certProductType(),
                field.equals("serverType") ? value : r.serverType(),
                field.equals("validityPeriod") ? value : r.validityPeriod(),
                field.equals("specificEndDate") ? value : r.specificEndDate(),
                field.equals("challenge") ? value : r.challenge(),
                field.equals("subject_alt_names") ? value : r.subjectAltNames(),
                field.equals("signatureAlgorithm") ? value : r.signatureAlgorithm(),
                field.equals("ctLogOption") ? value : r.ctLogOption(), null, null, null);
    }

    static EnrollmentRequest with(String f1, String v1, String f2, String v2) {
        EnrollmentRequest a = with(f1, v1);
        EnrollmentRequest b = with(f2, v2);
        return new EnrollmentRequest(pick(a.firstName(), b.firstName(), request().firstName()),
                pick(a.lastName(), b.lastName(), request().lastName()), pick(a.email(), b.email(), request().email()),
                pick(a.csr(), b.csr(), request().csr()),
                pick(a.certProductType(), b.certProductType(), request().certProductType()),
                pick(a.serverType(), b.serverType(), request().serverType()),
                pick(a.validityPeriod(), b.validityPeriod(), request().validityPeriod()),
                pick(a.specificEndDate(), b.specificEndDate(), request().specificEndDate()),
                pick(a.challenge(), b.challenge(), request().challenge()),
                pick(a.subjectAltNames(), b.subjectAltNames(), request().subjectAltNames()),
                pick(a.signatureAlgorithm(), b.signatureAlgorithm(), request().signatureAlgorithm()),
                pick(a.ctLogOption(), b.ctLogOption(), request().ctLogOption()), null, null, null);
    }

    private static String pick(String a, String b, String base) {
        return !java.util.Objects.equals(a, base) ? a : b;
    }

    static ValidatedEnrollment ok(EnrollmentRequest r) {
        return EnrollmentRules.validate(r, true, NOW);
    }

    @Test
    void defaults() {
        ValidatedEnrollment v = ok(request());
        assertEquals(CertProductType.Server, v.productType());
        assertEquals(1, v.validityYears());
        assertEquals(SignatureAlgorithm.sha256WithRSAEncryption, v.signatureAlgorithm());
        assertEquals("public", v.ctLogOption());
        assertTrue(v.subjectAltNames().isEmpty());
        assertNull(v.specificEndDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "lastName", "email", "csr", "certProductType", "serverType", "validityPeriod",
            "challenge"})
    void requiredFields(String field) {
        MissingParameterException e = assertThrows(MissingParameterException.class, () -> ok(with(field, null)));
        assertTrue(e.getMessage().endsWith(field), e.getMessage());
        assertThrows(MissingParameterException.class, () -> ok(with(field, "  ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "lastName"})
    void namesUpTo240(String field) {
        ok(with(field, "x".repeat(240)));
        assertThrows(ParameterTooLongException.class, () -> ok(with(field, "x".repeat(241))));
    }

    @Test
    void emailUpTo240AndCommaSeparatedListsAllowed() {
        ok(with("email", "a@example.com,b@example.org"));
        ok(with("email", "a@example.com, b@example.org"));
        String long240 = "a".repeat(228) + "@example.com";
        assertEquals(240, long240.length());
        ok(with("email", long240));
        assertThrows(ParameterTooLongException.class, () -> ok(with("email", "a" + long240)));
        assertThrows(InvalidArgumentException.class, () -> ok(with("email", "not-an-email")));
        assertThrows(InvalidArgumentException.class, () -> ok(with("email", "a@example.com,,b@example.com")));
    }

    @Test
    void challengeUpTo32() {
        ok(with("challenge", "c".repeat(32)));
        assertThrows(ParameterTooLongException.class, () -> ok(with("challenge", "c".repeat(33))));
    }

    @ParameterizedTest
    @EnumSource(CertProductType.class)
    void everyProductTypeOfTheSpecIsAccepted(CertProductType type) {
        assertEquals(type, ok(with("certProductType", type.name())).productType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "SERVER", "SSL", "Server ", "CodeSign"})
    void productTypeIsExact(String value) {
        if (value.equals("Server ")) {
            ok(with("certProductType", value)); // surrounding blanks are trimmed
            return;
        }
        assertThrows(InvalidArgumentException.class, () -> ok(with("certProductType", value)));
    }

    @Test
    void serverTypeIsIgnoredForCodeSigning() {
        assertNull(ok(with("certProductType", "CodeSigning")).serverType());
        assertEquals("Apache", ok(request()).serverType());
    }

    @Test
    void validityPeriods() {
        assertEquals(2, ok(with("validityPeriod", "2Y")).validityYears());
        for (String t : List.of("PrivateServer", "CodeSigning", "JavaCodeSigning", "EVCodeSigning")) {
            assertEquals(3, ok(with("validityPeriod", "3Y", "certProductType", t)).validityYears(), t);
        }
        for (String t : List.of("Server", "GlobalServer", "HAServer", "IntranetServer", "GeotrustServer")) {
            assertThrows(InvalidArgumentException.class, () -> ok(with("validityPeriod", "3Y", "certProductType", t)), t);
        }
        for (String bad : List.of("4Y", "1y", "12", "0Y", "1M")) {
            assertThrows(InvalidArgumentException.class, () -> ok(with("validityPeriod", bad)), bad);
        }
        assertThrows(ParameterTooLongException.class, () -> ok(with("validityPeriod", "1YY")));
    }

    @Test
    void specificEndDate() {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        String inAYear = today.plusMonths(11).format(MDY);
        Instant end = ok(with("specificEndDate", inAYear)).specificEndDate();
        assertEquals(today.plusMonths(11).atTime(23, 59, 59).toInstant(ZoneOffset.UTC), end);
        // beyond the validity period / the 2-year limit
        assertThrows(InvalidArgumentException.class, () -> ok(with("specificEndDate", today.plusMonths(13).format(MDY))));
        assertThrows(InvalidArgumentException.class, () -> ok(with("specificEndDate",
                today.plusMonths(25).format(MDY), "validityPeriod", "2Y")));
        ok(with("specificEndDate", today.plusMonths(23).format(MDY), "validityPeriod", "2Y"));
        // private SSL: up to 3 years
        EnrollmentRequest priv = new EnrollmentRequest("J", "D", "j@example.com", "CSR", "PrivateServer", "Apache",
                "3Y", today.plusMonths(35).format(MDY), "c", null, null, null, null, null, null);
        ok(priv);
        // format and past dates
        for (String bad : List.of("2027-01-01", "13/01/2027", "02/30/2027", "1/1/2027", "01/01/27", "garbage")) {
            assertThrows(InvalidArgumentException.class, () -> ok(with("specificEndDate", bad)), bad);
        }
        assertThrows(InvalidArgumentException.class, () -> ok(with("specificEndDate", today.minusDays(1).format(MDY))));
        assertThrows(ParameterTooLongException.class, () -> ok(with("specificEndDate", "01/01/20277")));
    }

    @Test
    void specificEndDateIsIgnoredWhenTheAccountDoesNotAllowIt() {
        String date = LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusMonths(6).format(MDY);
        assertNull(EnrollmentRules.validate(with("specificEndDate", date), false, NOW).specificEndDate());
        assertThrows(InvalidArgumentException.class,
                () -> EnrollmentRules.validate(with("specificEndDate", "nonsense"), false, NOW));
    }

    @Test
    void subjectAltNames() {
        assertEquals(List.of("mail.example.com", "blog.example.com", "ftp.example.com"),
                ok(with("subject_alt_names", "mail.example.com, blog.example.com,ftp.example.com")).subjectAltNames());
        assertEquals(List.of("*.example.com"), ok(with("subject_alt_names", "*.Example.com")).subjectAltNames());
        String hundred = IntStream.range(0, 100).mapToObj(i -> "h" + i + ".example.com").collect(Collectors.joining(","));
        assertEquals(100, ok(with("subject_alt_names", hundred)).subjectAltNames().size());
        assertThrows(InvalidArgumentException.class, () -> ok(with("subject_alt_names", hundred + ",h100.example.com")));
        for (String bad : List.of("bad name.com", "-x.example.com", "a..b", "x.example.com'; DROP TABLE", "*.*.com")) {
            assertThrows(InvalidArgumentException.class, () -> ok(with("subject_alt_names", bad)), bad);
        }
        assertThrows(InvalidArgumentException.class,
                () -> ok(with("subject_alt_names", "a.example.com", "certProductType", "CodeSigning")));
    }

    @Test
    void signatureAlgorithms() {
        assertEquals(SignatureAlgorithm.ECDSAwithSHA256, ok(with("signatureAlgorithm", "ECDSAwithSHA256")).signatureAlgorithm());
        assertEquals(SignatureAlgorithm.ECDSAwithSHA256andRSAroot,
                ok(with("signatureAlgorithm", "ECDSAwithSHA256andRSAroot")).signatureAlgorithm());
        ok(with("signatureAlgorithm", "sha256WithRSAEncryptionFull"));
        InvalidArgumentException sha1 = assertThrows(InvalidArgumentException.class,
                () -> ok(with("signatureAlgorithm", "sha1WithRSAEncryption")));
        assertTrue(sha1.getMessage().contains("SHA-1"));
        assertThrows(InvalidArgumentException.class, () -> ok(with("signatureAlgorithm", "SHA256withRSA")));
        assertThrows(ParameterTooLongException.class, () -> ok(with("signatureAlgorithm", "x".repeat(33))));
        // EV code signing: only sha256WithRSAEncryption
        ok(with("certProductType", "EVCodeSigning", "signatureAlgorithm", "sha256WithRSAEncryption"));
        assertThrows(InvalidArgumentException.class,
                () -> ok(with("certProductType", "EVCodeSigning", "signatureAlgorithm", "ECDSAwithSHA256")));
        assertThrows(InvalidArgumentException.class,
                () -> ok(with("certProductType", "EVCodeSigning", "signatureAlgorithm", "sha256WithRSAEncryptionFull")));
        assertEquals(io.certgate.domain.ca.IssueAuthority.RSA, SignatureAlgorithm.ECDSAwithSHA256andRSAroot.root());
        assertEquals(io.certgate.domain.ca.IssueAuthority.ECC, SignatureAlgorithm.ECDSAwithSHA256andRSAroot.keyType());
    }

    @Test
    void ctLogOptionIsCaseSensitive() {
        assertEquals("nolog", ok(with("ctLogOption", "nolog")).ctLogOption());
        assertEquals("public", ok(with("ctLogOption", "public")).ctLogOption());
        for (String bad : List.of("Public", "NOLOG", "none", " public")) {
            assertThrows(InvalidArgumentException.class, () -> ok(with("ctLogOption", bad)), bad);
        }
    }

    @Test
    void transactionIds() {
        assertEquals("0123456789abcdef0123456789abcdef",
                EnrollmentRules.transactionId("transaction_id", "0123456789abcdef0123456789abcdef"));
        assertNull(EnrollmentRules.transactionId("transaction_id", "not-hex"), "cannot exist, so: not found");
        assertEquals("0123456789abcdef0123456789abcdef",
                EnrollmentRules.transactionId("transaction_id", "0123456789ABCDEF0123456789abcDEF"), "any letter case");
        assertThrows(ParameterTooLongException.class, () -> EnrollmentRules.transactionId("transaction_id", "a".repeat(33)));
        assertThrows(MissingParameterException.class, () -> EnrollmentRules.transactionId("transaction_id", ""));
    }

    @Test
    void challengePhrasesAreSaltedHashes() {
        String h1 = ChallengePhrases.hash("open sesame");
        String h2 = ChallengePhrases.hash("open sesame");
        assertFalse(h1.contains("open sesame"));
        assertFalse(h1.equals(h2), "salted");
        assertTrue(ChallengePhrases.matches("open sesame", h1));
        assertTrue(ChallengePhrases.matches("open sesame", h2));
        assertFalse(ChallengePhrases.matches("open sesamE", h1));
        assertFalse(ChallengePhrases.matches(null, h1));
        assertFalse(ChallengePhrases.matches("x", "garbage"));
    }
}
