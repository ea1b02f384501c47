package io.certgate.ejb.common;

/** A required parameter is absent or blank. */
public class MissingParameterException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    public MissingParameterException(String parameter) {
        super("missing required parameter: " + parameter);
    }
}
