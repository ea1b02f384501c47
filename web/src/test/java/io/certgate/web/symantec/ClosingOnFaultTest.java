package io.certgate.web.symantec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error answer of the SOAP service (its faults are HTTP 500) announces that the connection closes. */
class ClosingOnFaultTest {

    /** A response that records its headers and status (nothing else is asked of it here). */
    private static HttpServletResponse recording(Map<String, String> headers, boolean committed) {
        return (HttpServletResponse) Proxy.newProxyInstance(ClosingOnFaultTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setHeader" -> {
                        headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "setStatus", "sendError" -> {
                        headers.put(":status", String.valueOf(args[0]));
                        yield null;
                    }
                    case "isCommitted" -> committed;
                    default -> null;
                });
    }

    @Test
    void faultsAndOtherErrorsSayConnectionClose() throws Exception {
        for (int status : new int[] {500, 400, 415}) {
            Map<String, String> h = new HashMap<>();
            new SoapGate.ClosingOnFault(recording(h, false)).setStatus(status);
            assertEquals("close", h.get("Connection"), "status " + status);
            assertEquals(String.valueOf(status), h.get(":status"));
        }
        Map<String, String> sent = new HashMap<>();
        new SoapGate.ClosingOnFault(recording(sent, false)).sendError(500, "x");
        assertEquals("close", sent.get("Connection"));
    }

    @Test
    void successfulAnswersKeepTheConnection() {
        for (int status : new int[] {200, 202, 302}) {
            Map<String, String> h = new HashMap<>();
            new SoapGate.ClosingOnFault(recording(h, false)).setStatus(status);
            assertNull(h.get("Connection"), "status " + status);
        }
        Map<String, String> late = new HashMap<>();
        new SoapGate.ClosingOnFault(recording(late, true)).setStatus(500);
        assertNull(late.get("Connection"), "a committed answer's headers are sent already");
    }
}
