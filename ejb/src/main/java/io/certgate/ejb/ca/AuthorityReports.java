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

    @EJB
    private OcspResponder ocsp;

    /** An X.509 serial no issuing CA here ever gives (serials are at least 64 random bits): OCSP's probe. */
    static final java.math.BigInteger PROBE_SERIAL = java.math.BigInteger.ONE;

    /**
     * The SHA-256 fingerprint (as openssl prints it) of every CA certificate: each root generation by
     * {@code "root:" + RootId}, each certified issuing CA by {@code "ca:" + id}.
     */
    public java.util.Map<String, String> fingerprints() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (IssueAuthority a : IssueAuthority.values()) {
            issuing.roots(a).forEach((id, cert) -> out.put("root:" + id, CertificateFacts.fingerprint(cert, "SHA-256")));
        }
        issuing.certified().forEach(ca -> out.put("ca:" + ca.id(), CertificateFacts.fingerprint(ca.certificate(),
                "SHA-256")));
        return out;
    }

    /**
     * Whether the OCSP responder answers for each certified issuing CA, by {@code "ca:" + id}: a request for a
     * serial it never issued must come back signed ("unknown"); anything else names the responder's status.
     */
    public java.util.Map<String, String> ocspHealth() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (LoadedIssuingCa ca : issuing.certified()) {
            OcspAnswer answer = OcspAnswer.read(ocsp.respond(OcspAnswer.request(ca.certificate(), PROBE_SERIAL)));
            out.put("ca:" + ca.id(), answer.thisUpdate() != null ? "answering" : answer.status());
        }
        return out;
    }

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
