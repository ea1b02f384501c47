package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, interop: every CertManager SOAP fault closes the connection, and says so with {@code Connection: close},
 * so a client's next call goes over a new connection instead of failing on one the server has closed. A SOAP 1.1
 * fault is an HTTP 500 (WS-I Basic Profile R1126), after which Liberty's transport keeps no connection; the faults
 * certgate sends before reading the body (no client certificate) could not keep it anyway. Answers that are no fault
 * keep the connection.
 */
class SoapFaultConnectionIT {

    private static final String PATH = "/vswebservices/soap/certmanager";

    private static RawHttp.Answer call(RawHttp c, String envelope) throws Exception {
        return c.send("POST", PATH, Map.of("Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", "urn:symantec:api:soap:pickup"), envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFaultThatCloses(RawHttp c, RawHttp.Answer a, String what) {
        assertEquals(500, a.status(), what + ": " + a.text());
        assertTrue(a.text().contains("Fault>"), what + ": a SOAP fault: " + a.text());
        String connection = a.header("Connection");
        assertTrue(connection != null && connection.toLowerCase(Locale.ROOT).contains("close"),
                what + ": Connection: close announced: " + a.headers());
        assertTrue(c.closedByServer(5000), what + ": the server closed the connection it announced it would close");
    }

    @Test
    void everyFaultClosesTheConnectionAndSaysSo() throws Exception {
        RaAccount.awaitClientCertificateTrust();
        List<String> mistakes = List.of(
                HostileInputCorpusIT.envelope("<api:PickupRequest><api:transaction_id>0123456789abcdef0123456789abcdef"
                        + "</api:transaction_id></api:PickupRequest>"),
                HostileInputCorpusIT.envelope("<api:EnrollRequest/>"),
                HostileInputCorpusIT.envelope("<api:Explode/>"),
                "<soapenv:Envelope><unclosed>");
        for (String envelope : mistakes) {
            try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls(RaAccount.AUTO), null)) {
                assertFaultThatCloses(c, call(c, envelope), envelope);
            }
        }
        // before its body is read: no client certificate
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls((String) null), null)) {
            RawHttp.Answer a = call(c, mistakes.get(0));
            assertFaultThatCloses(c, a, "no client certificate");
            assertTrue(a.text().contains("0x10"), a.text());
        }
    }

    @Test
    void answersThatAreNoFaultKeepTheConnection() throws Exception {
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls(RaAccount.AUTO), null)) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Answer wsdl = c.send("GET", PATH + "?wsdl", Map.of(), null);
                assertEquals(200, wsdl.status());
                assertTrue(wsdl.text().contains("definitions"), wsdl.text());
                assertFalse(c.closedByServer(300), "kept after answer " + (i + 1) + ": " + wsdl.headers());
            }
        }
    }
}
