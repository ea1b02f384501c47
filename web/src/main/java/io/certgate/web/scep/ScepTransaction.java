package io.certgate.web.scep;

import java.io.Serializable;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1PrintableString;

/**
 * What every CertRep echoes from the request it answers (RFC 8894 3.3.2): the transactionID, and the request's
 * senderNonce as recipientNonce. Enough on its own to sign a FAILURE, so a request whose signature or envelope
 * is bad can still be answered.
 */
public final class ScepTransaction implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String transactionId;
    private final byte[] senderNonce;

    /** transactionId must be PrintableString text (the answer repeats it as one); senderNonce non-empty. */
    public ScepTransaction(String transactionId, byte[] senderNonce) {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(senderNonce, "senderNonce");
        if (transactionId.isEmpty() || !ASN1PrintableString.isPrintableString(transactionId)) {
            throw new IllegalArgumentException("a SCEP transactionID is non-empty PrintableString text");
        }
        if (senderNonce.length == 0) {
            throw new IllegalArgumentException("a SCEP senderNonce is not empty");
        }
        this.transactionId = transactionId;
        this.senderNonce = senderNonce.clone();
    }

    public String transactionId() {
        return transactionId;
    }

    /** The request's senderNonce (a copy): the answer's recipientNonce. */
    public byte[] senderNonce() {
        return senderNonce.clone();
    }
}
