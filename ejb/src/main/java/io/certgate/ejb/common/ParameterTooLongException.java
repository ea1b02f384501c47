package io.certgate.ejb.common;

/** A parameter is longer than the contract allows. */
public class ParameterTooLongException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    public ParameterTooLongException(String parameter, int maxLength) {
        super("parameter " + parameter + " is longer than " + maxLength + " characters");
    }
}
