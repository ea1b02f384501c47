package io.certgate.ejb.enrollment.dcv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DcvMethodTest {

    @Test
    void wireNamesParseIgnoringCase() {
        for (DcvMethod method : DcvMethod.values()) {
            assertEquals(Optional.of(method), DcvMethod.parse(method.wireName()));
        }
        assertEquals(Optional.of(DcvMethod.HTTP_TOKEN), DcvMethod.parse(" HTTP-Token "));
        assertEquals(Optional.of(DcvMethod.DNS_TXT_TOKEN), DcvMethod.parse("DNS-TXT-TOKEN"));
        assertEquals(Optional.empty(), DcvMethod.parse("dns_txt_token"));
        assertEquals(Optional.empty(), DcvMethod.parse("HTTP_TOKEN"));
        assertEquals(Optional.empty(), DcvMethod.parse(""));
        assertEquals(Optional.empty(), DcvMethod.parse(null));
    }

    @Test
    void onlyTheTokenMethodsAreCheckable() {
        assertTrue(DcvMethod.HTTP_TOKEN.isCheckable());
        assertTrue(DcvMethod.DNS_TXT_TOKEN.isCheckable());
        assertFalse(DcvMethod.EMAIL.isCheckable());
        assertFalse(DcvMethod.DNS_CNAME_TOKEN.isCheckable());
    }
}
