package io.certgate.web.symantec;

/** The request cannot be read as a CertManager call (unknown operation, bad encoding, repeated field). */
class SymantecRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final SymantecStatus status;

    SymantecRequestException(SymantecStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    SymantecStatus status() {
        return status;
    }
}
