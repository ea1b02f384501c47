package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of CertManager cases, each run through the form wire and the SOAP wire with fresh data: both wires
 * must give the same outcome (StatusCode, Message, certificate or not), and that outcome must be the
 * expected one. Certificates that come back are parsed and verified against the roots.
 */
class SymantecParityIT {

    /** A case: steps run on one wire; the answers of all steps are compared across wires. */
    record Case(String name, String expectedFinalStatus, Function<SymantecWire, List<SymantecWire.Answer>> steps) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String host() {
        return "h" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }

    static Map<String, String> enroll(String productType, String csr) {
        Map<String, String> f = new HashMap<>();
        f.put("firstName", "John");
        f.put("lastName", "Doe");
        f.put("email", "john@example.com");
        f.put("csr", csr);
        f.put("certProductType", productType);
        f.put("serverType", "Apache");
        f.put("validityPeriod", "1Y");
        f.put("challenge", "first-challenge");
        return f;
    }

    static Map<String, String> server() {
        return enroll("Server", Pki.rsaCsr(host()));
    }

    static Map<String, String> with(Map<String, String> f, String... kv) {
        Map<String, String> copy = new HashMap<>(f);
        for (int i = 0; i < kv.length; i += 2) {
            copy.put(kv[i], kv[i + 1]);
        }
        return copy;
    }

    static Case one(String name, String expected, String operation, java.util.function.Supplier<Map<String, String>> f) {
        return new Case(name, expected, w -> List.of(w.call(operation, f.get())));
    }

    /** enroll, then run the next step with the enrolled answer. */
    static Case after(String name, String expected, Map<String, String> enrollFields,
                      java.util.function.BiFunction<SymantecWire, SymantecWire.Answer, SymantecWire.Answer> next) {
        return new Case(name, expected, w -> {
            SymantecWire.Answer first = w.call("enroll", enrollFields);
            assertEquals("0x00", first.statusCode(), first.message());
            return List.of(first, next.apply(w, first));
        });
    }

    /**
     * enroll with fields made for each wire, then the next step: a case that revokes for keyCompromise needs a new key
     * on each wire (the ledger never certifies a compromised key again, issue 18).
     */
    static Case afterFresh(String name, String expected, java.util.function.Supplier<Map<String, String>> enrollFields,
                           java.util.function.BiFunction<SymantecWire, SymantecWire.Answer, SymantecWire.Answer> next) {
        return new Case(name, expected, w -> {
            SymantecWire.Answer first = w.call("enroll", enrollFields.get());
            assertEquals("0x00", first.statusCode(), first.message());
            return List.of(first, next.apply(w, first));
        });
    }

    static String date(int months) {
        return LocalDate.now(ZoneOffset.UTC).plusMonths(months).format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
    }

    static String serialOf(SymantecWire.Answer a) {
        return Pki.cert(a.certificate()).getSerialNumber().toString(16);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // happy paths, one per certProductType family and signature algorithm
        c.add(one("enroll Server RSA", "0x00", "enroll", SymantecParityIT::server));
        c.add(one("enroll GlobalServer, CSR without PEM headers", "0x00", "enroll", () -> enroll("GlobalServer",
                Pki.rsaCsr(host()).replaceAll("-----[A-Z ]+-----", "").replace("\n", ""))));
        c.add(one("enroll PrivateServer 3Y ECDSA", "0x00", "enroll", () -> with(enroll("PrivateServer",
                Pki.ecCsr(host())), "validityPeriod", "3Y", "signatureAlgorithm", "ECDSAwithSHA256")));
        c.add(one("enroll IntranetServer ECDSA key under RSA root", "0x00", "enroll", () -> with(enroll("IntranetServer",
                Pki.ecCsr(host())), "signatureAlgorithm", "ECDSAwithSHA256andRSAroot")));
        c.add(one("enroll HAServer with SANs, nolog", "0x00", "enroll", () -> with(server(), "certProductType",
                "HAServer", "subject_alt_names", "mail.example.com, blog.example.com", "ctLogOption", "nolog")));
        c.add(one("enroll CodeSigning as PKCS#7", "0x00", "enroll", () -> with(enroll("CodeSigning",
                Pki.rsaCsr("Acme Code Signing")), "serverType", "ignored for code signing", "validityPeriod", "3Y")));
        c.add(one("enroll EVCodeSigning sha256WithRSAEncryption", "0x00", "enroll", () -> with(enroll("EVCodeSigning",
                Pki.rsaCsr("Acme EV")), "signatureAlgorithm", "sha256WithRSAEncryption")));
        // field rules
        for (String field : List.of("firstName", "lastName", "email", "csr", "certProductType", "serverType",
                "validityPeriod", "challenge")) {
            c.add(one("enroll without " + field, "0x01", "enroll", () -> with(server(), field, null)));
        }
        c.add(one("firstName of 241", "0x02", "enroll", () -> with(server(), "firstName", "x".repeat(241))));
        c.add(one("email of 241", "0x02", "enroll", () -> with(server(), "email", "a".repeat(229) + "@example.com")));
        c.add(one("two emails", "0x00", "enroll", () -> with(server(), "email", "a@example.com,b@example.com")));
        c.add(one("bad email", "0x03", "enroll", () -> with(server(), "email", "nobody")));
        c.add(one("challenge of 33", "0x02", "enroll", () -> with(server(), "challenge", "c".repeat(33))));
        c.add(one("unknown certProductType", "0x03", "enroll", () -> with(server(), "certProductType", "SuperServer")));
        c.add(one("3Y for Server", "0x03", "enroll", () -> with(server(), "validityPeriod", "3Y")));
        c.add(one("validityPeriod 5Y", "0x03", "enroll", () -> with(server(), "validityPeriod", "5Y")));
        c.add(one("specificEndDate malformed", "0x03", "enroll", () -> with(server(), "specificEndDate", "2027-01-01")));
        c.add(one("101 SANs", "0x03", "enroll", () -> with(server(), "subject_alt_names", IntStream.range(0, 101)
                .mapToObj(i -> "s" + i + ".example.com").collect(Collectors.joining(",")))));
        c.add(one("bad SAN", "0x03", "enroll", () -> with(server(), "subject_alt_names", "not a name")));
        c.add(one("unknown signatureAlgorithm", "0x03", "enroll", () -> with(server(), "signatureAlgorithm", "md5")));
        c.add(one("sha1WithRSAEncryption", "0x03", "enroll", () -> with(server(), "signatureAlgorithm",
                "sha1WithRSAEncryption")));
        c.add(one("EV code signing with ECDSA", "0x03", "enroll", () -> with(enroll("EVCodeSigning", Pki.ecCsr("ev")),
                "signatureAlgorithm", "ECDSAwithSHA256")));
        c.add(one("ctLogOption Public (case)", "0x03", "enroll", () -> with(server(), "ctLogOption", "Public")));
        c.add(one("garbage CSR", "0x04", "enroll", () -> with(server(), "csr", "garbage")));
        c.add(one("RSA-1024 CSR", "0x04", "enroll", () -> with(server(), "csr",
                Pki.csr(Pki.rsa(1024), "SHA256withRSA", "CN=" + host()))));
        c.add(one("CN is not a host name", "0x04", "enroll", () -> with(server(), "csr", Pki.rsaCsr("John Doe"))));
        c.add(one("ECDSA algorithm with an RSA CSR", "0x04", "enroll", () -> with(server(), "signatureAlgorithm",
                "ECDSAwithSHA256")));
        // renewals
        c.add(after("renew by transaction id", "0x00", server(), (w, first) -> w.call("renew", with(server(),
                "original_transaction_id", first.transactionId(), "original_challenge", "first-challenge",
                "challenge", "second"))));
        c.add(after("renew by original certificate", "0x00", server(), (w, first) -> w.call("renew", with(server(),
                "original_certificate", first.certificate(), "original_challenge", "first-challenge"))));
        c.add(after("renew by both, consistent", "0x00", server(), (w, first) -> w.call("renew", with(server(),
                "original_certificate", first.certificate(), "original_transaction_id", first.transactionId(),
                "original_challenge", "first-challenge"))));
        c.add(after("renew without any original", "0x01", server(), (w, first) -> w.call("renew", with(server(),
                "original_challenge", "first-challenge"))));
        c.add(after("renew without original_challenge", "0x01", server(), (w, first) -> w.call("renew", with(server(),
                "original_transaction_id", first.transactionId()))));
        c.add(after("renew with the wrong challenge", "0x06", server(), (w, first) -> w.call("renew", with(server(),
                "original_transaction_id", first.transactionId(), "original_challenge", "guess"))));
        c.add(after("renew of an unknown transaction", "0x05", server(), (w, first) -> w.call("renew", with(server(),
                "original_transaction_id", "0123456789abcdef0123456789abcdef", "original_challenge", "x"))));
        c.add(after("original_transaction_id of 33", "0x02", server(), (w, first) -> w.call("renew", with(server(),
                "original_transaction_id", "a".repeat(33), "original_challenge", "x"))));
        c.add(afterFresh("renew of a revoked certificate", "0x07", SymantecParityIT::server, (w, first) -> {
            assertEquals("0x00", w.call("revoke", Map.of("certSerial", serialOf(first), "challenge", "first-challenge",
                    "reason", "1")).statusCode());
            return w.call("renew", with(server(), "original_transaction_id", first.transactionId(),
                    "original_challenge", "first-challenge"));
        }));
        // pickup and revoke
        c.add(after("pickup", "0x00", server(), (w, first) -> w.call("pickup", Map.of("transaction_id",
                first.transactionId()))));
        c.add(one("pickup of an unknown transaction", "0x05", "pickup", () -> Map.of("transaction_id",
                "0123456789abcdef0123456789abcdef")));
        c.add(one("pickup without transaction_id", "0x01", "pickup", Map::of));
        c.add(afterFresh("revoke", "0x00", SymantecParityIT::server, (w, first) -> w.call("revoke", Map.of("certSerial", serialOf(first),
                "challenge", "first-challenge", "reason", "keyCompromise"))));
        c.add(after("revoke twice", "0x0B", server(), (w, first) -> {
            w.call("revoke", Map.of("certSerial", serialOf(first), "challenge", "first-challenge"));
            return w.call("revoke", Map.of("certSerial", serialOf(first), "challenge", "first-challenge"));
        }));
        c.add(after("revoke with the wrong challenge", "0x06", server(), (w, first) -> w.call("revoke",
                Map.of("certSerial", serialOf(first), "challenge", "nope"))));
        c.add(after("revoke with reason 2", "0x03", server(), (w, first) -> w.call("revoke",
                Map.of("certSerial", serialOf(first), "challenge", "first-challenge", "reason", "2"))));
        c.add(one("revoke of an unknown serial", "0x0A", "revoke", () -> Map.of("certSerial", "abcdef0123456789",
                "challenge", "x")));
        c.add(after("approve by an account that is no approver", "0x12", server(), (w, first) -> w.call("approve",
                Map.of("transaction_id", first.transactionId()))));
        return c;
    }

    static Stream<Arguments> table() {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void bothWiresGiveTheSameOutcome(Case c) {
        List<SymantecWire.Answer> form = c.steps().apply(SymantecWire.form(RaAccount.AUTO));
        List<SymantecWire.Answer> soap = c.steps().apply(SymantecWire.soap(RaAccount.AUTO));
        assertEquals(form.stream().map(SymantecWire.Answer::outcome).toList(),
                soap.stream().map(SymantecWire.Answer::outcome).toList(), "form and SOAP agree");
        SymantecWire.Answer last = form.get(form.size() - 1);
        assertEquals(c.expectedFinalStatus(), last.statusCode(), last.message());
        for (List<SymantecWire.Answer> answers : List.of(form, soap)) {
            SymantecWire.Answer a = answers.get(answers.size() - 1);
            if (a.ok() && a.certificate() != null) {
                checkCertificate(c, a);
            }
            if (!a.ok()) {
                assertNull(a.certificate());
                assertTrue(a.message() != null && !a.message().isBlank());
            }
            if (a.ok() && !c.name().startsWith("revoke")) {
                assertTrue(a.transactionId().matches("[0-9a-f]{32}"), a.transactionId());
            }
        }
        if (c.name().startsWith("renew by")) {
            assertTrue(!form.get(1).transactionId().equals(form.get(0).transactionId()), "a new transaction");
        }
    }

    static void checkCertificate(Case c, SymantecWire.Answer a) {
        if (c.name().contains("CodeSigning")) {
            List<X509Certificate> chain = SymantecChecks.pkcs7(a.certificate());
            assertEquals(3, chain.size(), "leaf, issuing CA and root");
            X509Certificate leaf = chain.get(0);
            Pki.verifyChain(leaf, Pki.root("RSA"));
            try {
                assertEquals(List.of("1.3.6.1.5.5.7.3.3"), leaf.getExtendedKeyUsage());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return;
        }
        X509Certificate cert = Pki.cert(a.certificate());
        boolean eccRoot = c.name().contains("ECDSA") && !c.name().contains("RSA root");
        X509Certificate root = Pki.root(eccRoot ? "ECC" : "RSA");
        Pki.verifyChain(cert, root);
        SymantecChecks.assertTlsServer(cert);
        if (c.name().contains("SANs")) {
            assertTrue(SymantecChecks.dnsNames(cert).containsAll(List.of("mail.example.com", "blog.example.com")));
        }
        if (c.name().contains("3Y")) {
            SymantecChecks.assertYears(3, cert);
        } else {
            SymantecChecks.assertYears(1, cert);
        }
        assertNotNull(a.transactionId());
    }
}
