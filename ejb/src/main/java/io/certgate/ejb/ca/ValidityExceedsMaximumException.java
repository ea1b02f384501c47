package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/** The requested validity is longer than the maximum that applies (the product's, the account's, the order's). */
public class ValidityExceedsMaximumException extends CertgateException {

    private static final long serialVersionUID = 1L;

    private final int maximumDays;

    public ValidityExceedsMaximumException(int requestedDays, int maximumDays) {
        super("the requested validity of " + requestedDays + " days exceeds the maximum of " + maximumDays + " days");
        this.maximumDays = maximumDays;
    }

    public int maximumDays() {
        return maximumDays;
    }
}
