package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit page links the ids a target names, and the pieces are the target as written. */
class AuditTargetsTest {

    @Test
    void certSnsAndAssetIdsBecomeLinksAndNothingIsLost() {
        List<AuditTargets.Piece> p = AuditTargets.of("requestId=3 certSn=25 assetId=x7");
        assertEquals("requestId=3 certSn=25 assetId=x7", String.join("", p.stream()
                .map(x -> x.getText() + (x.getValue() == null ? "" : x.getValue())).toList()));
        assertEquals(List.of("certSn", "assetId"), p.stream().map(AuditTargets.Piece::getKind).toList());
        assertEquals("requestId=3 certSn=", p.get(0).getText());
        assertEquals(List.of("certSn", "serial"), AuditTargets.of("certSn=24 serial=1a").stream()
                .map(AuditTargets.Piece::getKind).toList());
        assertEquals(List.of("productKey"), AuditTargets.of("productKey=p-1").stream().map(AuditTargets.Piece::getKind)
                .toList());
        assertEquals(1, AuditTargets.of("transaction=ab12").size());
        assertEquals(null, AuditTargets.of("transaction=ab12").get(0).getKind());
    }
}
