package io.certgate.web.digicert;

/**
 * A request the facade cannot read (not JSON, wrong types, a bad date: 400) or a path naming nothing (an id
 * that is no number: 404), with a CertCentral code.
 */
final class DigiCertRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    DigiCertRequestException(String code, String message) {
        this(400, code, message);
    }

    DigiCertRequestException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
