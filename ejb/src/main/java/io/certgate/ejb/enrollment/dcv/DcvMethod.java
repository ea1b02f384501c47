package io.certgate.ejb.enrollment.dcv;

import java.util.Locale;
import java.util.Optional;

/**
 * The domain control validation methods of DigiCert CertCentral, by their wire names ({@code dcv_method}).
 * All of them parse, so that an order naming a method certgate cannot check is answered as such rather than as
 * an unknown value; only the token methods are checkable here.
 */
public enum DcvMethod {

    HTTP_TOKEN("http-token", true),
    DNS_TXT_TOKEN("dns-txt-token", true),
    /** Needs a mail loop with the domain's administrative contacts. */
    EMAIL("email", false),
    /** The CNAME target is DigiCert's own zone, which a private CA cannot answer for. */
    DNS_CNAME_TOKEN("dns-cname-token", false);

    private final String wireName;
    private final boolean checkable;

    DcvMethod(String wireName, boolean checkable) {
        this.wireName = wireName;
        this.checkable = checkable;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether {@link DomainControlCheck} can check this method. */
    public boolean isCheckable() {
        return checkable;
    }

    /** The method with this wire name, ignoring case and surrounding blanks; empty for null or unknown names. */
    public static Optional<DcvMethod> parse(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String name = wireName.trim().toLowerCase(Locale.ROOT);
        for (DcvMethod method : values()) {
            if (method.wireName.equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
