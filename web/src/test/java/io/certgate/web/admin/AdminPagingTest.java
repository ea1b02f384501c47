package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ejb.access.AuditQuery;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.PageRequest;
import io.certgate.web.admin.CatalogViews.DeviceCreation;
import io.certgate.web.admin.CatalogViews.ProductCreation;
import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin API's list parameters and creation bodies: defaults, limits, times, and a 400 naming what is wrong. */
class AdminPagingTest {

    @Test
    void pagesDefaultToTheFirstFiftyAndStayWithinFiveHundred() {
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT), AdminPaging.page(null, " "));
        assertEquals(new PageRequest(40, 20), AdminPaging.page("40", "20"));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> AdminPaging.page("x", null)).getMessage()
                .contains("offset"));
        assertThrows(InvalidArgumentException.class, () -> AdminPaging.page("0", "501"));
        assertThrows(InvalidArgumentException.class, () -> AdminPaging.page("-1", "5"));
    }

    @Test
    void auditTimesWithZoneOffsetOrNoneWhichIsUtc() {
        AuditQuery q = AdminPaging.audit(" admin: ", "revoke", "2026-11-01T10:15:00Z", "2026-11-01T13:15:00+02:00",
                "-actor", AdminPaging.page(null, null));
        assertEquals("admin:", q.actor());
        assertEquals(Instant.parse("2026-11-01T10:15:00Z"), q.from());
        assertEquals(Instant.parse("2026-11-01T11:15:00Z"), q.to());
        assertEquals(PageRequest.DEFAULT_LIMIT, q.page().limit());
        assertEquals("-actor", q.order().toString(), "the order asked for");
        assertEquals("-at", AdminPaging.audit(null, null, null, null, null, PageRequest.first()).order().toString(),
                "newest first without one");
        assertEquals(Instant.parse("2026-11-01T10:15:00Z"), AdminPaging.time("from", "2026-11-01T10:15"));
        assertNull(AdminPaging.time("from", ""));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> AdminPaging.time("to", "yesterday"))
                .getMessage().startsWith("to "));
        assertThrows(InvalidArgumentException.class, () -> AdminPaging.audit(null, null, "2026-11-02T00:00:00Z",
                "2026-11-01T00:00:00Z", null, PageRequest.first()), "the period's start after its end");
    }

    @Test
    void onlyPendingIsListed() {
        assertDoesNotThrow(() -> AdminPaging.pendingOnly(null));
        assertDoesNotThrow(() -> AdminPaging.pendingOnly("Pending"));
        assertThrows(InvalidArgumentException.class, () -> AdminPaging.pendingOnly("approved"));
    }

    @Test
    void creationBodiesTakeWhatIsGivenAndRefuseWrongTypes() {
        ProductCreation p = ProductCreation.from(Json.createObjectBuilder().add("name", "Meter")
                .add("biDirectionalAuth", true).add("maxValidDay", 400).build());
        assertEquals("Meter", p.name());
        assertEquals(Boolean.TRUE, p.biDirectionalAuth());
        assertEquals(400, p.maxValidDay());
        assertNull(p.defaultValidDay());
        assertNull(p.draft().productType(), "the EJB's default");
        assertThrows(InvalidArgumentException.class, () -> ProductCreation.from(Json.createObjectBuilder()
                .add("name", "x").add("biDirectionalAuth", "yes").build()));
        assertThrows(InvalidArgumentException.class, () -> ProductCreation.from(Json.createObjectBuilder()
                .add("name", "x").add("maxValidDay", 1.5).build()));
        DeviceCreation d = DeviceCreation.from(Json.createObjectBuilder().add("name", "Meter 1")
                .add("deviceKey", "m-1").build());
        assertEquals("PK", d.draft("PK").productKey());
        assertEquals("m-1", d.draft("PK").deviceKey());
        assertNull(d.draft("PK").timezone());
    }
}
