package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RootId;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootGenerationsTest {

    @Test
    void anAlgorithmsGenerationsAreItsFirstRootThenItsLaterOnesOldestFirst() {
        Map<RootId, X509Certificate> later = new HashMap<>();
        later.put(new RootId(IssueAuthority.ECC, 3), null);
        later.put(new RootId(IssueAuthority.RSA, 2), null);
        later.put(new RootId(IssueAuthority.ECC, 2), null);

        assertEquals(List.of(RootId.first(IssueAuthority.ECC), new RootId(IssueAuthority.ECC, 2),
                new RootId(IssueAuthority.ECC, 3)),
                List.copyOf(RootGenerations.generations(IssueAuthority.ECC, null, later).keySet()));
        assertEquals(List.of(RootId.first(IssueAuthority.RSA), new RootId(IssueAuthority.RSA, 2)),
                List.copyOf(RootGenerations.generations(IssueAuthority.RSA, null, later).keySet()));
        assertEquals(new RootId(IssueAuthority.ECC, 3),
                RootGenerations.generations(IssueAuthority.ECC, null, later).descendingMap().firstKey());
    }
}
