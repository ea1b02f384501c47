package io.certgate.web.scep;

/**
 * A message refused before its transactionID and senderNonce could be read (not a SignedData, not one signer,
 * too large): no CertRep can be addressed to it, so the resource answers HTTP 400.
 */
public class UnreadableScepMessageException extends ScepException {

    private static final long serialVersionUID = 1L;

    public UnreadableScepMessageException(ScepFailInfo failInfo, String message) {
        super(failInfo, message, null, null);
    }

    public UnreadableScepMessageException(ScepFailInfo failInfo, String message, Throwable cause) {
        super(failInfo, message, null, cause);
    }
}
