package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Issue 18, 9: tenants' names with bidirectional controls are shown as written in the console. */
class BidiSafeTextTest {

    @Test
    void bidiControlsBecomeVisibleMarks() {
        assertEquals("invoice[U+202E]fdp.exe", BidiSafeRenderKits.visible("invoice\u202Efdp.exe"));
        assertEquals("[U+2066]a[U+2069][U+200F][U+061C]", BidiSafeRenderKits.visible("\u2066a\u2069\u200F\u061C"));
        String plain = "Zähler 42 — ok";
        assertSame(plain, BidiSafeRenderKits.visible(plain), "nothing else changes");
        assertNull(BidiSafeRenderKits.visible(null));
    }
}
