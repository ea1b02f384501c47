package io.certgate.web.console;

/** The console refuses an operator something its role does not allow; the message is shown on the page. */
public class ConsoleRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConsoleRefusedException(String message) {
        super(message, null, false, false);
    }
}
