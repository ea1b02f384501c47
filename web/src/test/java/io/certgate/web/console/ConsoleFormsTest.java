package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Typed values, paging, and where a change redirects to (POST-redirect-GET). */
class ConsoleFormsTest {

    @Test
    void blanksAreNoValue() {
        assertNull(ConsoleForms.trimmed(null));
        assertNull(ConsoleForms.trimmed("  "));
        assertEquals("a b", ConsoleForms.trimmed(" a b "));
    }

    @Test
    void theFirstPageHasNoPageBefore() {
        assertEquals(0, ConsoleForms.previousOffset(10, 20));
        assertEquals(20, ConsoleForms.previousOffset(40, 20));
    }

    @Test
    void aChangeRedirectsToItsPageForTheOrganization() {
        assertEquals("/credentials.xhtml?faces-redirect=true&org=acme", ConsoleForms.redirect("/credentials.xhtml", "acme"));
        assertEquals("/operators.xhtml?faces-redirect=true", ConsoleForms.redirect("/operators.xhtml", null));
    }
}
