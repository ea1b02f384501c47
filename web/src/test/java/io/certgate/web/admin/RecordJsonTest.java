package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.access.AuditRecord;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API's views as JSON: members named and ordered as the record's components, which OpenAPI documents. */
class RecordJsonTest {

    record Inner(String name, Boolean on) {
    }

    record Outer(long total, int offset, Instant at, String none, List<Inner> items) {
    }

    @Test
    void everyComponentInOrderWithNullsTimesListsAndRecords() {
        JsonObject o = RecordJson.of(new Outer(3, 0, Instant.parse("2026-11-01T10:15:00Z"), null,
                List.of(new Inner("a", true), new Inner("b", null))));
        assertEquals(List.of("total", "offset", "at", "none", "items"), List.copyOf(o.keySet()));
        assertEquals(3, o.getJsonNumber("total").longValue());
        assertEquals("2026-11-01T10:15:00Z", o.getString("at"));
        assertEquals(JsonValue.NULL, o.get("none"));
        assertEquals("{\"name\":\"a\",\"on\":true}", o.getJsonArray("items").get(0).toString());
        assertEquals(JsonValue.NULL, o.getJsonArray("items").getJsonObject(1).get("on"));
    }

    record Odd(Object thing) {
    }

    @Test
    void aValueWithoutJsonFormIsABugNotAnAnswer() {
        assertThrows(IllegalArgumentException.class, () -> RecordJson.of(new Odd(new Object())));
    }

    @Test
    void theOlderAuditArrayKeepsItsMembersAndAPageCountsAndPages() {
        AuditRecord r = new AuditRecord(Instant.parse("2026-11-01T10:15:00Z"), "acme", "admin:alice",
                "product.create", "productKey=K", "created", "req-1");
        assertEquals("[{\"at\":\"2026-11-01T10:15:00Z\",\"orgId\":\"acme\",\"actor\":\"admin:alice\","
                + "\"action\":\"product.create\",\"target\":\"productKey=K\",\"outcome\":\"created\","
                + "\"requestId\":\"req-1\"}]", AuditViews.records(List.of(r)).toString());
        JsonObject page = RecordJson.of(AuditViews.AuditList.of(new Page<>(7, new PageRequest(5, 2), List.of(r))));
        assertEquals(7, page.getInt("total"));
        assertEquals(5, page.getInt("offset"));
        assertEquals(2, page.getInt("limit"));
        assertEquals("admin:alice", page.getJsonArray("records").getJsonObject(0).getString("actor"));
    }

    @Test
    void theSummaryNamesEveryCountOfTheHomePageAndRefusesToGuess() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        String[] names = {"products", "devices", "certificates", "revokedCertificates", "credentials", "raAccounts",
                "pendingTransactions", "pendingDigiCertRequests", "pendingSelfEnrollments", "auditRecords"};
        for (int i = 0; i < names.length; i++) {
            counts.put(names[i], (long) i + 1);
        }
        JsonObject s = RecordJson.of(OrganizationSummary.of("acme", counts));
        assertEquals("acme", s.getString("orgId"));
        for (int i = 0; i < names.length; i++) {
            assertEquals(i + 1, s.getInt(names[i]), names[i]);
        }
        counts.remove("auditRecords");
        assertThrows(IllegalStateException.class, () -> OrganizationSummary.of("acme", counts));
    }
}
