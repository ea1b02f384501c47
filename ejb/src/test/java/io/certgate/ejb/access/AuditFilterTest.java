package io.certgate.ejb.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.access.AuditRecord;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's filter for operators: actor and action as case-insensitive substrings with LIKE wildcards taken
 * literally, a period from (inclusive) to (exclusive), one organization only; the JPQL holds named parameters only;
 * the query's and the page's limits.
 */
class AuditFilterTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static AuditRecord record(String org, String actor, String action, Instant at) {
        return new AuditRecord(at, org, actor, action, "target", "success", "req");
    }

    private static List<AuditRecord> trail() {
        List<AuditRecord> all = new ArrayList<>();
        all.add(record("acme", "admin:alice", "certificate.revoke", T.minusSeconds(60)));
        all.add(record("acme", "admin:bob", "product.create", T));
        all.add(record("acme", "enos:app1", "certificate.apply", T.plusSeconds(60)));
        all.add(record("acme", "ra:ra_100%", "transaction.enroll", T.plusSeconds(120)));
        all.add(record("other", "admin:alice", "certificate.revoke", T));
        return all;
    }

    private static List<String> matching(AuditQuery q) {
        AuditFilter f = new AuditFilter("acme", q);
        return trail().stream().filter(f::admits).map(r -> r.getActor() + " " + r.getAction()).toList();
    }

    private static AuditQuery query(String actor, String action, Instant from, Instant to) {
        return new AuditQuery(actor, action, from, to, PageRequest.first());
    }

    @Test
    void everythingOfTheOrganizationOnlyWithoutCriteria() {
        assertEquals(List.of("admin:alice certificate.revoke", "admin:bob product.create", "enos:app1 certificate.apply",
                "ra:ra_100% transaction.enroll"), matching(AuditQuery.all(PageRequest.first())));
    }

    @Test
    void actorAndActionAreCaseInsensitiveSubstringsThatCombine() {
        assertEquals(List.of("admin:alice certificate.revoke", "admin:bob product.create"),
                matching(query("ADMIN:", null, null, null)));
        assertEquals(List.of("admin:alice certificate.revoke"), matching(query(null, "Revoke", null, null)));
        assertEquals(List.of("admin:alice certificate.revoke", "enos:app1 certificate.apply"),
                matching(query(null, "certificate.", null, null)));
        assertEquals(List.of(), matching(query("bob", "certificate", null, null)));
        assertEquals(List.of("admin:bob product.create"), matching(query("  bob ", " product ", null, null)),
                "trimmed");
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        assertEquals(List.of("admin:bob product.create", "enos:app1 certificate.apply"),
                matching(query(null, null, T, T.plusSeconds(120))));
        assertEquals(List.of("admin:alice certificate.revoke"), matching(query(null, null, null, T)));
        assertEquals(List.of("ra:ra_100% transaction.enroll"), matching(query(null, null, T.plusSeconds(61), null)));
    }

    @Test
    void likeWildcardsInTheSubstringAreLiteral() {
        assertEquals("%ra!_100!%!!x%", AuditFilter.likePattern("RA_100%!x"));
        assertEquals(List.of("ra:ra_100% transaction.enroll"), matching(query("_100%", null, null, null)));
        assertEquals(List.of(), matching(query("a%b", null, null, null)));
    }

    @Test
    void theJpqlHoldsNamedParametersOnlyAndEveryOneIsBound() {
        AuditFilter f = new AuditFilter("acme'; DROP TABLE x; --", query("x' OR '1'='1", "y", T, T.plusSeconds(1)));
        for (String jpql : List.of(f.selectJpql(), f.countJpql())) {
            assertFalse(jpql.contains("DROP") || jpql.contains("1'='1"), jpql);
            Matcher m = Pattern.compile(":(\\w+)").matcher(jpql);
            Set<String> used = new LinkedHashSet<>();
            while (m.find()) {
                used.add(m.group(1));
            }
            assertEquals(f.parameters().keySet(), used, jpql);
            assertEquals(4, jpql.chars().filter(ch -> ch == '\'').count(), "only the two ESCAPE literals: " + jpql);
        }
        assertTrue(f.selectJpql().endsWith(" ORDER BY a.at DESC, a.id DESC"), "newest first, the id breaking ties");
        assertFalse(f.countJpql().contains("ORDER BY"));
        AuditFilter none = new AuditFilter("acme", AuditQuery.all(PageRequest.first()));
        assertEquals(" WHERE a.orgId = :orgId", none.where());
        assertEquals(Set.of("orgId"), none.parameters().keySet());
    }

    @Test
    void anOrderByAnyColumnEndsWithTheIdInTheSameDirection() {
        assertTrue(new AuditFilter("acme", new AuditQuery(null, null, null, null, PageRequest.first(),
                AuditColumn.parse("actor"))).selectJpql().endsWith(" ORDER BY a.actor ASC, a.id ASC"));
        assertTrue(new AuditFilter("acme", new AuditQuery(null, null, null, null, PageRequest.first(),
                AuditColumn.parse("-ACTION"))).selectJpql().endsWith(" ORDER BY a.action DESC, a.id DESC"));
        assertEquals("-action", AuditColumn.parse("-ACTION").toString(), "written as the links write it");
        assertThrows(InvalidArgumentException.class, () -> AuditColumn.parse("target; DROP TABLE x"));
        assertThrows(InvalidArgumentException.class, () -> AuditColumn.parse("issued"), "a certificate column");
    }

    @Test
    void theQueryRefusesWhatCannotMatchOrMakesNoSense() {
        assertThrows(InvalidArgumentException.class, () -> query("a".repeat(AuditQuery.MAX_ACTOR + 1), null, null, null));
        assertThrows(InvalidArgumentException.class, () -> query(null, "a".repeat(AuditQuery.MAX_ACTION + 1), null, null));
        assertThrows(InvalidArgumentException.class, () -> query(null, null, T, T), "an empty period");
        assertThrows(InvalidArgumentException.class, () -> query(null, null, T.plus(Duration.ofDays(1)), T));
        AuditQuery blank = query(" ", "", null, null);
        assertNull(blank.actor());
        assertNull(blank.action());
    }

    /** Issue 18, 7: a year such as +99999 reached the database and answered 500; it is the caller's mistake. */
    @Test
    void aPeriodBeyondWhatTheDatabaseStoresIsRefused() {
        Instant farFuture = java.time.OffsetDateTime.parse("+99999-01-01T00:00:00Z").toInstant();
        Instant farPast = java.time.OffsetDateTime.parse("-99999-01-01T00:00:00Z").toInstant();
        assertThrows(InvalidArgumentException.class, () -> query(null, null, farFuture, null));
        assertThrows(InvalidArgumentException.class, () -> query(null, null, null, farFuture));
        assertThrows(InvalidArgumentException.class, () -> query(null, null, farPast, T));
        assertThrows(InvalidArgumentException.class, () -> query(null, null, Instant.parse("+10000-01-01T00:00:00Z"), null));
        assertEquals(AuditQuery.EARLIEST, query(null, null, AuditQuery.EARLIEST, AuditQuery.LATEST).from());
    }

    @Test
    void aPageIsBoundedAndKnowsWhetherMoreFollow() {
        assertThrows(InvalidArgumentException.class, () -> new PageRequest(-1, 10));
        assertThrows(InvalidArgumentException.class, () -> new PageRequest(0, 0));
        assertThrows(InvalidArgumentException.class, () -> new PageRequest(0, PageRequest.MAX_LIMIT + 1));
        assertTrue(new Page<>(3, new PageRequest(0, 2), List.of("a", "b")).hasMore());
        assertFalse(new Page<>(3, new PageRequest(2, 2), List.of("c")).hasMore());
        assertFalse(new Page<>(0, new PageRequest(0, 2), List.of()).hasMore());
    }
}
