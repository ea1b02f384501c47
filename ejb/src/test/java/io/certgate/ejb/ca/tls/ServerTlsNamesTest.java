package io.certgate.ejb.ca.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTlsNamesTest {

    @Test
    void configuredNamesAndTheHostOfThePublicBaseUrlEachOnce() {
        ServerTlsNames n = ServerTlsNames.of("localhost, 127.0.0.1  ca.example.COM,::1", "https://CA.example.com:8443/x");
        assertEquals(List.of("localhost", "ca.example.com"), n.dnsNames());
        assertEquals(List.of("127.0.0.1", "0:0:0:0:0:0:0:1"), n.ipAddresses());
        assertEquals("localhost", n.commonName());
        assertEquals("localhost,ca.example.com,127.0.0.1,0:0:0:0:0:0:0:1", n.toString());
    }

    @Test
    void anAddressAsPublicHostIsAnAddress() {
        ServerTlsNames n = ServerTlsNames.of("", "http://[::1]:9080");
        assertEquals(List.of(), n.dnsNames());
        assertEquals(List.of("0:0:0:0:0:0:0:1"), n.ipAddresses());
        assertEquals("0:0:0:0:0:0:0:1", n.commonName());
    }

    @Test
    void refusesWhatIsNeitherHostNameNorAddress() {
        assertThrows(IllegalArgumentException.class, () -> ServerTlsNames.of("bad_name", null));
        assertThrows(IllegalArgumentException.class, () -> ServerTlsNames.of("-x.example", null));
        assertThrows(IllegalArgumentException.class, () -> ServerTlsNames.of("a..b", null));
        assertThrows(IllegalArgumentException.class, () -> ServerTlsNames.of("*.example.com", null));
        assertThrows(IllegalArgumentException.class, () -> ServerTlsNames.of(" , ", null));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= ServerTlsNames.MAX_NAMES; i++) {
            many.append("h").append(i).append(",");
        }
        assertThrows(IllegalArgumentException.class, () -> ServerTlsNames.of(many.toString(), null));
    }
}
