package io.certgate.ejb.enrollment;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.common.Digests;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A CA as CertCentral names it ({@code ca_cert{id, name}}, {@code ca_cert_id}, {@code allowed_ca_certs}): the
 * intermediate (issuing) CA that signs, as DigiCert names its ICAs, not the root above it. The id is the first 16 hex
 * digits of the SHA-256 of the CA certificate (upper case), the name its subject's common name.
 */
public record OrderCa(String id, String name, IssueAuthority authority) {

    public static OrderCa of(X509Certificate ca, IssueAuthority authority) {
        return new OrderCa(id(ca), commonName(ca), authority);
    }

    public static String id(X509Certificate ca) {
        try {
            return Digests.sha256Hex(ca.getEncoded()).substring(0, 16).toUpperCase(Locale.ROOT);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String commonName(X509Certificate ca) {
        String dn = ca.getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // the whole name below
        }
        return dn;
    }
}
