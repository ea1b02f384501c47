package io.certgate.web.enos;

/** The request cannot be read as EnOS (not JSON, wrong types, unknown action): answered as code 99400. */
class EnosRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EnosRequestException(String message) {
        super(message, null, false, false);
    }
}
