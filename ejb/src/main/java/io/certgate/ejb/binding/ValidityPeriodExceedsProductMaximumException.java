package io.certgate.ejb.binding;

import io.certgate.ejb.common.CertgateException;

/** validDay is larger than the maximum certificate validity of the device's product. */
public class ValidityPeriodExceedsProductMaximumException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public ValidityPeriodExceedsProductMaximumException() {
        super("The specified validity period exceeds the maximum certificate validity period of the product to "
                + "which this device belongs.");
    }
}
