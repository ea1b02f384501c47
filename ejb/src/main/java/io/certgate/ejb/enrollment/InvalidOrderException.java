package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/**
 * An order, reissue or duplicate that breaks a rule, with a code that names the rule in DigiCert's style
 * (e.g. {@code invalid_dns_name}, {@code missing_field}, {@code invalid_value}, {@code invalid_ca_cert_id}).
 */
public class InvalidOrderException extends CertgateException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public InvalidOrderException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
