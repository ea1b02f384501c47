package io.certgate.ejb.common;

/** A required parameter is absent or blank. */
public class MissingParameterException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public MissingParameterException(String parameter) {
        super("missing required parameter: " + parameter);
        this.parameter = parameter;
    }

    /** The parameter's name, for facades that word this their own way. */
    public String parameter() {
        return parameter;
    }
}
