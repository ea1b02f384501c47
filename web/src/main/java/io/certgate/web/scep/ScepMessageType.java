package io.certgate.web.scep;

/**
 * The SCEP messageType attribute (RFC 8894 3.2.1.2), which a message carries as the decimal number in a
 * PrintableString. CERT_POLL is the RFC's CertPoll, called GetCertInitial by older drafts and clients.
 */
public enum ScepMessageType {
    CERT_REP(3),
    RENEWAL_REQ(17),
    PKCS_REQ(19),
    CERT_POLL(20),
    GET_CERT(21),
    GET_CRL(22);

    private final int code;

    ScepMessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The attribute's text, e.g. "19". */
    public String value() {
        return Integer.toString(code);
    }

    /** The type an attribute's text names; IllegalArgumentException for anything else (no trimming, no sign). */
    public static ScepMessageType of(String value) {
        for (ScepMessageType t : values()) {
            if (t.value().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown SCEP messageType " + value);
    }
}
