package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.ca.IssuingAuthorities;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/** IssuedCertificate -> the EnOS JSON shapes (certSN as the samples print it, certSn as the tables name it). */
final class EnosCertificateAssembler {

    private EnosCertificateAssembler() {
    }

    /** certChainURL and caCert: the chain above the certificate (its organization's issuing CA, then the root). */
    static JsonObject issued(IssuedCertificate c, IssuingAuthorities issuing) {
        String sn = String.valueOf(c.getCertSn());
        return Jsons.PROVIDER.createObjectBuilder()
                .add("certChainURL", issuing.chainUrl(c))
                .add("cert", c.getCertPem())
                .add("certSN", sn)
                .add("certSn", sn)
                .add("caCert", issuing.chainPem(c))
                .add("issueAuthority", c.getIssueAuthority().name())
                .build();
    }

    static JsonValue list(List<IssuedCertificate> certs, Instant now) {
        JsonArrayBuilder a = Jsons.PROVIDER.createArrayBuilder();
        for (IssuedCertificate c : certs) {
            String sn = String.valueOf(c.getCertSn());
            JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                    .add("certSN", sn)
                    .add("certSn", sn)
                    .add("cert", c.getCertPem())
                    .add("certStatus", c.statusAt(now).code())
                    .add("issueAuthority", c.getIssueAuthority().name())
                    .add("issuer", c.getIssuerDn())
                    .add("subject", c.getSubjectDn())
                    .add("serialNumber", c.getSerialNumber())
                    .add("signDate", c.getSignedAt().toEpochMilli())
                    .add("effectiveDate", c.getNotBefore().toEpochMilli())
                    .add("expireDate", c.getNotAfter().toEpochMilli());
            if (c.getRevocationReason() != null) {
                o.add("revokeReason", c.getRevocationReason().code());
                o.add("revokeDate", c.getRevokedAt().toEpochMilli());
            } else {
                o.addNull("revokeReason");
            }
            a.add(o);
        }
        return a.build();
    }
}
