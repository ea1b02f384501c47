package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ejb.common.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ordering a search: every order ends with certSn in the same direction, so rows signed in the same second keep
 * one order and pages neither repeat nor skip them; the default is newest first (soonest end when expiring).
 */
class CertificateColumnTest {

    @ParameterizedTest
    @ValueSource(strings = {"issued", "-issued", "notAfter", "-notAfter", "subject", "-subject"})
    void certSnBreaksEveryTieInTheSameDirection(String sort) {
        io.certgate.ejb.common.ListOrder<CertificateColumn> o = CertificateColumn.parse(sort);
        String jpql = o.jpql(CertificateColumn.UNIQUE);
        assertTrue(jpql.endsWith(o.descending() ? ", c.certSn DESC" : ", c.certSn ASC"), jpql);
        assertEquals(sort, o.toString(), "written as it is read");
    }

    @Test
    void theNamesAreTheConstantsInLowerCamelCase() {
        assertEquals(java.util.List.of("issued", "notAfter", "subject", "certSn"), java.util.Arrays.stream(
                CertificateColumn.values()).map(CertificateColumn::key).toList());
    }

    @Test
    void certSnAloneIsUnique() {
        assertEquals(" ORDER BY c.certSn DESC", CertificateColumn.parse("-certsn").jpql(CertificateColumn.UNIQUE));
        assertEquals(" ORDER BY c.certSn ASC", CertificateColumn.parse("-certSn").reversed().jpql(CertificateColumn.UNIQUE));
    }

    @Test
    void theDefaultsAreNewestFirstAndSoonestEndWhenExpiring() {
        assertEquals(" ORDER BY c.signedAt DESC, c.certSn DESC",
                new CertificateFilter("acme", new CertificateQuery(null, null, null, null, null, 0, 25), java.time.Instant.now()).orderBy());
        assertEquals(" ORDER BY c.notAfter ASC, c.certSn ASC", CertificateQuery.expiring(30, 0, 25).order().jpql(CertificateColumn.UNIQUE));
        assertEquals(" ORDER BY c.subjectDn ASC, c.certSn ASC", CertificateQuery.expiring(30, 0, 25)
                .orderedBy(CertificateColumn.parse("subject")).order().jpql(CertificateColumn.UNIQUE), "an explicit order wins");
    }

    @Test
    void anUnknownColumnIsRefusedAndNothingIsNoOrder() {
        assertThrows(InvalidArgumentException.class, () -> CertificateColumn.parse("signedAt; DROP TABLE x"));
        assertThrows(InvalidArgumentException.class, () -> CertificateColumn.parse("-"));
        assertNull(CertificateColumn.parse(" "));
    }
}
