package io.certgate.web.scep;

/** Why a CertRep says FAILURE: the failInfo attribute (RFC 8894 3.2.1.4), the decimal number in a PrintableString. */
public enum ScepFailInfo {
    /** Unrecognized or unsupported algorithm. */
    BAD_ALG(0),
    /** Integrity check (signature, digest) failed. */
    BAD_MESSAGE_CHECK(1),
    /** Transaction not permitted or not supported. */
    BAD_REQUEST(2),
    /** The signing time was not close enough to the system time. */
    BAD_TIME(3),
    /** No certificate matched the criteria given. */
    BAD_CERT_ID(4);

    private final int code;

    ScepFailInfo(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The RFC's name of it, e.g. "badRequest". */
    public String rfcName() {
        StringBuilder b = new StringBuilder();
        for (String word : name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            b.append(b.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return b.toString();
    }

    /** The attribute's text, e.g. "2". */
    public String value() {
        return Integer.toString(code);
    }
}
