package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;

/**
 * What operators read about the certificate authorities (the console's CAs page and the admin API): one
 * place that puts each root, its current CRL (the one {@link CrlPublisher} serves) and the URLs together. Server
 * data, no organization's: the facades let every operator role read it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuthorityReports {

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private CrlPublisher crls;

    @EJB
    private IssuingAuthorities issuing;

    public AuthorityReport current() {
        List<RootStatus> roots = new ArrayList<>();
        for (IssueAuthority a : IssueAuthority.values()) {
            issuing.roots(a).forEach((id, cert) -> roots.add(RootStatus.of(id, cert, crls.published(id),
                    authorities.rootUrls(id).caIssuersUrl(), authorities.rootUrls(id).crlUrl())));
        }
        return new AuthorityReport(authorities.custodyKind(), authorities.custodyDescription(), roots,
                authorities.ocspUrl(), authorities.caCertificatesUrl());
    }
}
