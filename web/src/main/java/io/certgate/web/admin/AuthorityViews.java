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

    @Schema(name = "CertificateAuthority", description = "A root, the CRL it publishes now, and their public URLs")
    public record CertificateAuthority(@Schema(enumeration = {"RSA", "ECC"}) String name,
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
            return new CertificateAuthority(r.authority().name(), r.subject(), r.serial(), r.notBefore(), r.notAfter(),
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
}
