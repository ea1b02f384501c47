package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, interop: "every fault closes the connection" was a finding, not the goal. A CertManager SOAP fault is an
 * answer like any other (HTTP 500 with the fault, whose body the service has read): the connection stays open for the
 * client's next call, as the SOAP clients with connection pools (CXF, .NET, gSOAP) expect, instead of their next
 * call failing on a connection the server had closed. Only a fault sent before the body was read (no client
 * certificate, or a body over the limit) closes it: the unread body is still on the wire.
 */
class SoapFaultConnectionIT {

    private static final String PATH = "/vswebservices/soap/certmanager";

    private static RawHttp.Answer call(RawHttp c, String envelope) throws Exception {
        return c.send("POST", PATH, Map.of("Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", "urn:symantec:api:soap:pickup"), envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFault(RawHttp.Answer a, String what) {
        assertEquals(500, a.status(), what + ": " + a.text());
        assertTrue(a.text().contains("Fault>"), what + ": a SOAP fault: " + a.text());
    }

    @Test
    void faultsForTheCallersMistakesKeepTheConnectionOpen() throws Exception {
        RaAccount.awaitClientCertificateTrust();
        List<String> mistakes = List.of(
                HostileInputCorpusIT.envelope("<api:PickupRequest><api:transaction_id>0123456789abcdef0123456789abcdef"
                        + "</api:transaction_id></api:PickupRequest>"),
                HostileInputCorpusIT.envelope("<api:EnrollRequest/>"),
                HostileInputCorpusIT.envelope("<api:Explode/>"),
                "<soapenv:Envelope><unclosed>");
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls(RaAccount.AUTO), null)) {
            for (String envelope : mistakes) {
                RawHttp.Answer a = call(c, envelope);
                assertFault(a, envelope);
                assertFalse("close".equalsIgnoreCase(a.header("Connection")), "no Connection: close: " + a.headers());
                assertFalse(c.closedByServer(300), "the connection is still open after " + envelope);
            }
            // and the same connection still serves a call that succeeds: the WSDL
            RawHttp.Answer wsdl = c.send("GET", PATH + "?wsdl", Map.of(), null);
            assertEquals(200, wsdl.status());
            assertTrue(wsdl.text().contains("definitions"), wsdl.text());
        }
    }

    @Test
    void aFaultBeforeTheBodyWasReadClosesTheConnection() throws Exception {
        try (RawHttp c = RawHttp.open(RaAccount.HTTPS, RaAccount.tls((String) null), null)) {
            RawHttp.Answer a = call(c, HostileInputCorpusIT.envelope("<api:PickupRequest><api:transaction_id>"
                    + "0123456789abcdef0123456789abcdef</api:transaction_id></api:PickupRequest>"));
            assertFault(a, "no client certificate");
            assertTrue(a.text().contains("0x10"), a.text());
            assertEquals("close", a.header("Connection"), "the unread body is not drained: " + a.headers());
            assertTrue(c.closedByServer(5000), "closed");
        }
    }
}
