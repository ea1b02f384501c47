package io.certgate.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Typed body fields: absent or null is null, the wrong type is the facade's error (issue 18, 7: never taken as false). */
class JsonFieldsTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void flagsAreTrueOrFalseOnly() {
        assertEquals(Boolean.TRUE, JsonFields.flag(json("{\"a\":true}"), "a", IllegalArgumentException::new));
        assertEquals(Boolean.FALSE, JsonFields.flag(json("{\"a\":false}"), "a", IllegalArgumentException::new));
        assertNull(JsonFields.flag(json("{\"a\":null}"), "a", IllegalArgumentException::new));
        assertNull(JsonFields.flag(json("{}"), "a", IllegalArgumentException::new));
        for (String wrong : new String[] {"\"yes\"", "1", "[]", "{}"}) {
            assertThrows(IllegalArgumentException.class, () -> JsonFields.flag(json("{\"a\":" + wrong + "}"), "a",
                    IllegalArgumentException::new), wrong);
        }
    }

    @Test
    void wholeNumbersFitALong() {
        assertEquals(168L, JsonFields.wholeNumber(json("{\"n\":168}"), "n", IllegalArgumentException::new));
        assertNull(JsonFields.wholeNumber(json("{}"), "n", IllegalArgumentException::new));
        for (String wrong : new String[] {"1.5", "\"7\"", "99999999999999999999", "true"}) {
            assertThrows(IllegalArgumentException.class, () -> JsonFields.wholeNumber(json("{\"n\":" + wrong + "}"), "n",
                    IllegalArgumentException::new), wrong);
        }
    }
}
