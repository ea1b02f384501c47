package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/**
 * The CSR cannot be used: not PEM/PKCS#10, wrong key or algorithm for the authority, or a bad signature. The
 * {@link Reason} says which, for facades whose clients tell them apart (DigiCert's {@code csr_invalid_*} codes).
 */
public class InvalidCsrException extends CertgateException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the CSR. */
    public enum Reason {
        /** Not a CSR (or public key) at all: empty, too large, not base64, no PKCS#10, unreadable parts. */
        CANNOT_PARSE,
        /** A key the policy does not allow: algorithm, size or curve. */
        KEY,
        /** Signed with an algorithm the policy does not allow, or the signature does not verify. */
        SIGNATURE,
        /** Readable and well signed, but its content is refused (subject, attributes, extensions). */
        CONTENT
    }

    private final Reason reason;

    public InvalidCsrException(String message) {
        this(Reason.CONTENT, message);
    }

    public InvalidCsrException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
