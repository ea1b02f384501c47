package io.certgate.ejb.ca;

/**
 * The CSR's public key (or a renewal's old key) belongs to a certificate that was revoked for keyCompromise: it is
 * never certified again, whichever facade asks. An invalid CSR to every facade (its key is what is refused).
 */
public class CompromisedKeyException extends InvalidCsrException {

    private static final long serialVersionUID = 1L;

    public CompromisedKeyException() {
        super("the public key was revoked as compromised and is never certified again: make a new key");
    }
}
