package io.certgate.web.symantec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.ca.RevocationReason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymantecTranslationTest {

    @Test
    void formFieldsAreDecodedAndStrict() {
        Map<String, String> f = FormFields.parse("firstName=John&lastName=O%27Brien&csr=a%2Bb%3D&empty=&flag");
        assertEquals("John", f.get("firstName"));
        assertEquals("O'Brien", f.get("lastName"));
        assertEquals("a+b=", f.get("csr"));
        assertNull(f.get("empty"));
        assertNull(f.get("flag"));
        assertThrows(SymantecRequestException.class, () -> FormFields.parse("a=1&a=2"));
        assertThrows(SymantecRequestException.class, () -> FormFields.parse("a=%zz"));
        assertThrows(SymantecRequestException.class, () -> FormFields.parse("x=1&".repeat(FormFields.MAX_FIELDS + 1)
                .replaceAll("x=1&", "") + buildMany()));
    }

    private static String buildMany() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= FormFields.MAX_FIELDS; i++) {
            b.append("f").append(i).append("=1&");
        }
        return b.toString();
    }

    @Test
    void reasonsByCodeOrName() {
        assertEquals(RevocationReason.UNSPECIFIED, SymantecOperations.reason(null));
        assertEquals(RevocationReason.KEY_COMPROMISE, SymantecOperations.reason("1"));
        assertEquals(RevocationReason.KEY_COMPROMISE, SymantecOperations.reason("keyCompromise"));
        assertEquals(RevocationReason.CESSATION_OF_OPERATION, SymantecOperations.reason("cessation_of_operation"));
        assertEquals(RevocationReason.PRIVILEGE_WITHDRAWN, SymantecOperations.reason("9"));
        for (String bad : new String[] {"2", "8", "10", "cACompromise", "-1", "999"}) {
            assertThrows(SymantecRequestException.class, () -> SymantecOperations.reason(bad), bad);
        }
    }

    @Test
    void olderSubjectAltNameFieldsAreJoined() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("subject_alt_name1", "a.example.com");
        f.put("subject_alt_name2", "b.example.com");
        assertEquals("a.example.com,b.example.com", SymantecOperations.subjectAltNames(f));
        f.put("subject_alt_names", "c.example.com");
        assertEquals("c.example.com", SymantecOperations.subjectAltNames(f), "the new form wins");
        Map<String, String> tooMany = Map.of("subject_alt_name21", "x.example.com");
        assertThrows(SymantecRequestException.class, () -> SymantecOperations.subjectAltNames(tooMany));
    }
}
