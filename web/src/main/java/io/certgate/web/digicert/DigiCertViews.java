package io.certgate.web.digicert;

import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.enrollment.CertificateContent;
import io.certgate.domain.enrollment.CertificateOrder;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.ejb.ca.Pem;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.DigiCertProduct;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/** Orders, requests and certificates in CertCentral's JSON shapes (ids as integers, RFC 3339 and YYYY-MM-DD dates). */
final class DigiCertViews {

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private DigiCertViews() {
    }

    static String time(Instant t) {
        return RFC3339.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An organization's (or actor's) integer id: CertCentral ids are integers, certgate's names are strings. */
    static long id(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    static JsonObject organization(String orgId) {
        return Json.createObjectBuilder().add("id", id(orgId)).add("name", orgId).add("display_name", orgId)
                .add("status", "active").add("is_active", true).build();
    }

    static JsonObject product(DigiCertProduct p) {
        return Json.createObjectBuilder().add("id", p.id()).add("name_id", p.nameId()).add("name", p.displayName())
                .add("type", p.type()).add("validation_type", p.isPrivateCa() ? "private" : "ov").build();
    }

    /** {@code ca_cert{id, name}}: the issuing CA (CertCentral's ICA) that signed, or would sign, the certificate. */
    static JsonObject caCert(io.certgate.ejb.enrollment.OrderCa ca) {
        return Json.createObjectBuilder().add("id", ca.id()).add("name", ca.name()).build();
    }

    static JsonObject order(CertificateOrders orders, CertificateOrder o, List<OrderRequest> requests, Instant now) {
        DigiCertProduct product = DigiCertProduct.byNameId(o.getProduct()).orElseThrow();
        JsonObjectBuilder c = Json.createObjectBuilder();
        CertificateContent says = o.getContent();
        IssuedCertificate cert = o.getCertificate();
        if (cert != null) {
            c.add("id", cert.getCertSn());
        }
        if (says.getCommonName() != null) {
            c.add("common_name", says.getCommonName());
        }
        c.add("dns_names", array(CertificateOrders.split(says.getDnsNames())));
        if (says.getEmails() != null) {
            c.add("emails", array(CertificateOrders.split(says.getEmails())));
        }
        c.add("organization_units", array(CertificateOrders.split(o.getOrganizationUnits())));
        c.add("signature_hash", says.getSignatureHash());
        c.add("ca_cert", caCert(orders.caOf(o.getOrgId(), says, cert)));
        if (o.getServerPlatformId() != null) {
            c.add("server_platform", Json.createObjectBuilder().add("id", o.getServerPlatformId()));
        }
        if (o.getProfileOption() != null) {
            c.add("profile_option", o.getProfileOption());
        }
        if (cert != null) {
            X509CertificateHolder h = Pem.parseCertificate(cert.getCertPem());
            c.add("serial_number", cert.getSerialNumber().toUpperCase(Locale.ROOT));
            c.add("thumbprint", sha1Hex(encoded(h))); // CertCentral's thumbprint is SHA-1
            c.add("thumbprint_sha256", io.certgate.ejb.common.Digests.sha256Hex(encoded(h)).toUpperCase(Locale.ROOT));
            c.add("date_created", time(cert.getSignedAt()));
            c.add("valid_from", DAY.format(cert.getNotBefore()));
            c.add("valid_till", DAY.format(cert.getNotAfter()));
            c.add("days_remaining", Math.max(0, Duration.between(now, cert.getNotAfter()).toDays()));
            c.add("key_size", keySize(h));
        }
        requests.stream().filter(r -> !"revoke".equals(r.getType())).reduce((a, b) -> b)
                .ifPresent(last -> c.add("csr", last.getCsrPem()));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", o.getId())
                .add("certificate", c)
                .add("status", orders.status(o, now))
                .add("is_renewal", o.getRenewalOfOrderId() != null)
                .add("is_renewed", o.getRenewedOrderId() != null)
                .add("date_created", time(o.getCreatedAt()))
                .add("order_validity", orderValidity(o))
                .add("order_valid_till", DAY.format(o.getPlanEnd()))
                .add("product", product(product))
                .add("organization", organization(o.getOrgId()))
                .add("disable_renewal_notifications", o.isDisableRenewalNotifications())
                .add("requests", requests(requests));
        if (cert != null) {
            b.add("date_issued", time(cert.getSignedAt()));
            b.add("cert_validity", Json.createObjectBuilder().add("days", Math.max(1,
                    Duration.between(cert.getNotBefore(), cert.getNotAfter()).plusHours(12).toDays())));
        }
        if (o.getRenewedOrderId() != null) {
            b.add("renewed_order_id", o.getRenewedOrderId());
        }
        if (o.getRenewalOfOrderId() != null) {
            b.add("renewal_of_order_id", o.getRenewalOfOrderId());
        }
        if (o.getDcvMethod() != null) {
            b.add("dcv_method", o.getDcvMethod());
        }
        if (product.kind() == DigiCertProduct.Kind.CODE_SIGNING) {
            b.add("cs_provisioning_method", o.getCsProvisioningMethod() == null ? "email" : o.getCsProvisioningMethod());
        }
        if (o.getPaymentMethod() != null) {
            b.add("payment_method", o.getPaymentMethod());
        }
        return b.build();
    }

    /** The order's plan as it was ordered, and its end. */
    private static JsonObject orderValidity(CertificateOrder o) {
        String[] kv = o.getOrderValidity().split("=", 2);
        JsonObjectBuilder v = Json.createObjectBuilder();
        switch (kv[0]) {
            case "years" -> v.add("years", Integer.parseInt(kv[1]));
            case "days" -> v.add("days", Integer.parseInt(kv[1]));
            default -> v.add("custom_expiration_date", kv[1]);
        }
        return v.add("valid_till", DAY.format(o.getPlanEnd())).build();
    }

    static JsonArrayBuilder requests(List<OrderRequest> requests) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (OrderRequest r : requests) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", r.getId()).add("date", time(r.getCreatedAt()))
                    .add("type", r.getType()).add("status", r.getStatus());
            if (r.getComments() != null) {
                b.add("comments", r.getComments());
            }
            a.add(b);
        }
        return a;
    }

    static JsonObject request(CertificateOrders orders, OrderRequest r) {
        CertificateOrder o = r.getOrder();
        CertificateContent asked = r.getContent();
        JsonObjectBuilder cert = Json.createObjectBuilder().add("dns_names", array(CertificateOrders.split(
                asked.getDnsNames()))).add("signature_hash", asked.getSignatureHash()).add("ca_cert", caCert(
                orders.caOf(o.getOrgId(), asked, r.getCertificate())));
        if (asked.getCommonName() != null) {
            cert.add("common_name", asked.getCommonName());
        }
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", r.getId())
                .add("date", time(r.getCreatedAt()))
                .add("type", r.getType())
                .add("status", r.getStatus())
                .add("requester", person(r.getRequestedBy()))
                .add("order", Json.createObjectBuilder().add("id", o.getId()).add("status", orders.status(o, Instant.now()))
                        .add("certificate", cert).add("product", product(DigiCertProduct.byNameId(o.getProduct())
                                .orElseThrow())).add("organization", organization(o.getOrgId())));
        if (r.getComments() != null) {
            b.add("comments", r.getComments());
        }
        if (r.getDecidedBy() != null) {
            b.add("processor", person(r.getDecidedBy())).add("date_processed", time(r.getDecidedAt()));
        }
        if (r.getProcessorComment() != null) {
            b.add("processor_comment", r.getProcessorComment());
        }
        if (r.getCertificate() != null) {
            b.add("certificate_id", r.getCertificate().getCertSn());
        }
        if (r.getRevocationReason() != null) {
            b.add("revocation_reason", revocationReason(r.getRevocationReason()));
        }
        return b.build();
    }

    /** KEY_COMPROMISE -> keyCompromise (CertCentral's spelling). */
    static String revocationReason(String name) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }

    /** A requester or processor: certgate knows actors (digicert:<key id>, admin:<user>), not people. */
    static JsonObject person(String actor) {
        return Json.createObjectBuilder().add("id", id(actor)).add("first_name", actor).add("last_name", "")
                .add("email", "").build();
    }

    static JsonObject certificateSummary(IssuedCertificate cert, Instant now) {
        X509CertificateHolder h = Pem.parseCertificate(cert.getCertPem());
        return Json.createObjectBuilder().add("id", cert.getCertSn())
                .add("serial_number", cert.getSerialNumber().toUpperCase(Locale.ROOT))
                .add("common_name", commonName(cert.getSubjectDn()))
                .add("dns_names", array(io.certgate.ejb.ca.CertificateNames.dnsNames(h)))
                .add("date_created", time(cert.getSignedAt()))
                .add("valid_from", DAY.format(cert.getNotBefore()))
                .add("valid_till", DAY.format(cert.getNotAfter()))
                .add("certificate_status", cert.statusAt(now).name().toLowerCase(Locale.ROOT))
                .add("key_size", keySize(h)).build();
    }

    /** A reissue or duplicate that brought no certificate (yet): what it asks for. */
    static JsonObjectBuilder requested(OrderRequest r) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (r.getContent().getCommonName() != null) {
            b.add("common_name", r.getContent().getCommonName());
        }
        return b.add("dns_names", array(CertificateOrders.split(r.getContent().getDnsNames())));
    }

    /** The chain answer: end-entity first, then its issuing CA, then the root. */
    static JsonArrayBuilder chain(IssuedCertificate cert, List<java.security.cert.X509Certificate> above) {
        JsonArrayBuilder chain = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("subject_common_name", commonName(cert.getSubjectDn()))
                        .add("pem", cert.getCertPem().strip()));
        for (java.security.cert.X509Certificate ca : above) {
            chain.add(Json.createObjectBuilder()
                    .add("subject_common_name", commonName(ca.getSubjectX500Principal().getName()))
                    .add("pem", io.certgate.ejb.ca.Pem.certificate(ca).strip()));
        }
        return chain;
    }

    static String commonName(String dn) {
        for (String part : dn.split(",")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3);
            }
        }
        return dn;
    }

    static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static int keySize(X509CertificateHolder h) {
        try {
            PublicKey k = new JcaX509CertificateConverter().getCertificate(h).getPublicKey();
            if (k instanceof RSAPublicKey r) {
                return r.getModulus().bitLength();
            }
            if (k instanceof ECPublicKey e) {
                return e.getParams().getCurve().getField().getFieldSize();
            }
        } catch (Exception e) {
            // unknown key: 0
        }
        return 0;
    }

    private static String sha1Hex(byte[] der) {
        try {
            return java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(der));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509CertificateHolder h) {
        try {
            return h.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
