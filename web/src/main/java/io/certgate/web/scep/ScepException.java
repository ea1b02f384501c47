package io.certgate.web.scep;

/**
 * A SCEP message refused, with the failInfo a CertRep FAILURE gives for it. When {@link #answerTo()} is not
 * null the message said who sent it (transactionID, senderNonce), so the refusal is answered with
 * {@code CertRep.failure(answerTo(), failInfo(), ...)}; when it is null (always, for
 * {@link UnreadableScepMessageException}) there is nobody to address a CertRep to and the answer is HTTP 400.
 */
public class ScepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ScepFailInfo failInfo;
    private final ScepTransaction answerTo;

    public ScepException(ScepFailInfo failInfo, String message, ScepTransaction answerTo) {
        this(failInfo, message, answerTo, null);
    }

    public ScepException(ScepFailInfo failInfo, String message, ScepTransaction answerTo, Throwable cause) {
        // no stack trace: a refused message is an input error; the cause keeps BouncyCastle's own reason
        super(message, cause, false, false);
        this.failInfo = failInfo;
        this.answerTo = answerTo;
    }

    public ScepFailInfo failInfo() {
        return failInfo;
    }

    /** The transaction a CertRep FAILURE answers, or null when the message was not readable that far. */
    public ScepTransaction answerTo() {
        return answerTo;
    }

    public boolean answerable() {
        return answerTo != null;
    }
}
