package io.certgate.ejb.enrollment;

import java.util.Locale;
import java.util.Optional;

/**
 * The DigiCert CertCentral products certgate issues (their {@code name_id}s), and what each certificate is:
 * TLS (public ones need domain control validation, private ones do not; wildcard ones need a {@code *.}
 * common name), client certificates of people (e-mail addresses required), or code signing.
 */
public enum DigiCertProduct {
    SSL_PLUS(1, "ssl_plus", "Standard SSL", "ssl_certificate", Kind.TLS, false, false),
    SSL_WILDCARD(2, "ssl_wildcard", "Wildcard SSL", "ssl_certificate", Kind.TLS, false, true),
    SSL_MULTI_DOMAIN(3, "ssl_multi_domain", "Multi-Domain SSL", "ssl_certificate", Kind.TLS, false, false),
    PRIVATE_SSL_PLUS(4, "private_ssl_plus", "Private SSL", "ssl_certificate", Kind.TLS, true, false),
    PRIVATE_SSL_WILDCARD(5, "private_ssl_wildcard", "Private Wildcard SSL", "ssl_certificate", Kind.TLS, true,
            true),
    CLIENT_PREMIUM(6, "client_premium", "Premium", "client_certificate", Kind.CLIENT, true, false),
    CODE_SIGNING(7, "code_signing", "Code Signing", "code_signing_certificate", Kind.CODE_SIGNING, true, false);

    /** What the certificate is for. */
    public enum Kind { TLS, CLIENT, CODE_SIGNING }

    /** Public TLS certificates follow the CA/B Forum's maximum, and so do certgate's others. */
    public static final int MAX_CERTIFICATE_DAYS = 397;

    private final int id;
    private final String nameId;
    private final String displayName;
    private final String type;
    private final Kind kind;
    private final boolean privateCa;
    private final boolean wildcard;

    DigiCertProduct(int id, String nameId, String displayName, String type, Kind kind, boolean privateCa,
                    boolean wildcard) {
        this.id = id;
        this.nameId = nameId;
        this.displayName = displayName;
        this.type = type;
        this.kind = kind;
        this.privateCa = privateCa;
        this.wildcard = wildcard;
    }

    public static Optional<DigiCertProduct> byNameId(String nameId) {
        for (DigiCertProduct p : values()) {
            if (p.nameId.equals(nameId == null ? null : nameId.toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Domain control validation applies to public TLS products only (private ones: the organization's policy). */
    public boolean needsDcv() {
        return kind == Kind.TLS && !privateCa;
    }

    public int id() { return id; }
    public String nameId() { return nameId; }
    public String displayName() { return displayName; }
    public String type() { return type; }
    public Kind kind() { return kind; }
    public boolean isPrivateCa() { return privateCa; }
    public boolean isWildcard() { return wildcard; }
}
