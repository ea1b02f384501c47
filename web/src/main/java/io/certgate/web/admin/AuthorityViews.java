package io.certgate.web.admin;

import io.certgate.ejb.ca.AuthorityReport;
import io.certgate.ejb.ca.RootStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The certificate authorities as the console's CAs page shows them: each root, its current CRL, key custody. */
public final class AuthorityViews {

    private AuthorityViews() {
    }

    @Schema(name = "CertificateAuthority", description = "A root generation, the CRL it publishes now, and their "
            + "public URLs")
    public record CertificateAuthority(@Schema(description = "RSA or ECC (the first generation), RSA-G2 ... (root "
                                               + "rollover)", example = "RSA-G2") String name,
                                       @Schema(description = "as issuers are written: CN first") String subject,
                                       @Schema(description = "hexadecimal, upper case") String serial,
                                       @Schema Instant notBefore, @Schema Instant notAfter,
                                       @Schema String signatureAlgorithm,
                                       @Schema(description = "e.g. \"RSA 2048 bits\", \"EC 256 bits\"")
                                       String keyAlgorithm,
                                       @Schema long crlNumber, @Schema Instant crlThisUpdate,
                                       @Schema Instant crlNextUpdate,
                                       @Schema(description = "revocations the current CRL lists") long crlRevoked,
                                       @Schema(description = "the root in PEM") String certificateUrl,
                                       @Schema(description = "the current CRL in DER") String crlUrl) {

        static CertificateAuthority of(RootStatus r) {
            return new CertificateAuthority(r.root().toString(), r.subject(), r.serial(), r.notBefore(), r.notAfter(),
                    r.signatureAlgorithm(), r.key(), r.crl().number(), r.crl().thisUpdate(), r.crl().nextUpdate(),
                    r.crl().revokedCount(), r.certificateUrl(), r.crlUrl());
        }
    }

    @Schema(name = "AuthorityList", description = "The server's roots and where their keys are kept")
    public record AuthorityList(@Schema(enumeration = {"pkcs12", "pkcs11"},
                                        description = "pkcs12: a keystore in the database; pkcs11: a PKCS#11 token "
                                                + "such as an HSM")
                                String keyCustody,
                                @Schema(description = "what holds the keys (names no secret)")
                                String keyCustodyDescription,
                                @Schema List<CertificateAuthority> authorities,
                                @Schema(description = "both roots in one PEM") String allRootsUrl,
                                @Schema String ocspUrl) {

        static AuthorityList of(AuthorityReport report) {
            return new AuthorityList(report.custody(), report.custodyDescription(),
                    report.roots().stream().map(CertificateAuthority::of).toList(), report.allRootsUrl(),
                    report.ocspUrl());
        }
    }

    @Schema(name = "IssuingCa", description = "An issuing CA under a root: the CA of one organization (or of the "
            + "organizations that share one, or the server's infrastructure CA), one algorithm, one generation")
    public record IssuingCaView(@Schema long id,
                                @Schema(description = "an organization, _shared or _server") String scope,
                                @Schema(enumeration = {"RSA", "ECC"}) String authority,
                                @Schema int generation,
                                @Schema(description = "the root generation that signed it (RSA, ECC, RSA-G2 ...); "
                                        + "null while pending", example = "RSA-G2", nullable = true) String root,
                                @Schema(enumeration = {"PENDING", "ACTIVE", "RETIRED"}) String state,
                                @Schema(description = "whether it signs its scope's new leaves now") boolean signing,
                                @Schema String subject,
                                @Schema(description = "hexadecimal, upper case; null while pending", nullable = true)
                                String serial,
                                @Schema(nullable = true) Instant notBefore, @Schema(nullable = true) Instant notAfter,
                                @Schema(description = "from when it signs new leaves", nullable = true)
                                Instant activeFrom,
                                @Schema boolean revoked,
                                @Schema(nullable = true) Instant revokedAt,
                                @Schema(description = "its current CRL's number; null while pending", nullable = true)
                                Long crlNumber,
                                @Schema(description = "the CA certificate in DER") String certificateUrl,
                                @Schema(description = "the CA certificate and its root in PEM") String chainUrl,
                                @Schema(description = "its current CRL in DER") String crlUrl,
                                @Schema(description = "its CSR for the root ceremony while pending", nullable = true)
                                String csr) {

        static IssuingCaView of(io.certgate.ejb.ca.IssuingCaAdministration.IssuingCaReport r) {
            io.certgate.domain.ca.IssuingCa c = r.ca();
            return new IssuingCaView(c.getId(), c.getScope(), c.getAuthority().name(), c.getGeneration(),
                    c.getCertPem() == null ? null : c.root().toString(), c.getState().name(), r.signing(), c.getSubjectDn(),
                    c.getSerialNumber() == null ? null : c.getSerialNumber().toUpperCase(java.util.Locale.ROOT),
                    c.getNotBefore(), c.getNotAfter(), c.getActiveFrom(), c.isRevoked(), c.getRevokedAt(),
                    r.crl() == null ? null : r.crl().number(), r.certificateUrl(), r.chainUrl(), r.crlUrl(),
                    c.getState() == io.certgate.domain.ca.IssuingCa.State.PENDING ? c.getCsrPem() : null);
        }
    }

    @Schema(name = "IssuingCaList", description = "Every issuing CA, oldest first")
    public record IssuingCaList(@Schema List<IssuingCaView> issuingCas) {
    }

    @Schema(name = "NamePolicy", description = "The names an organization's enterprise certificates may carry; an "
            + "empty list leaves that kind open, except for names another organization holds and the server's own")
    public record NamePolicyView(@Schema(description = "DNS suffixes: the domain and its subdomains")
                                 List<String> dnsSuffixes,
                                 @Schema(description = "e-mail domains") List<String> emailDomains,
                                 @Schema(description = "IP ranges in CIDR notation") List<String> ipRanges) {

        static NamePolicyView of(io.certgate.ejb.ca.NameRules.Policy p) {
            return new NamePolicyView(p.dnsSuffixes(), p.emailDomains(), p.ipRanges());
        }
    }

    @Schema(name = "IssuingCaRollover", description = "A new generation of a scope's issuing CA")
    public record IssuingCaRollover(@Schema(description = "an organization, _shared or _server", required = true)
                                    String scope,
                                    @Schema(enumeration = {"RSA", "ECC"}, required = true)
                                    String authority,
                                    @Schema(description = "when it starts signing (ISO-8601); absent: at once")
                                    String activeFrom) {
    }
}
