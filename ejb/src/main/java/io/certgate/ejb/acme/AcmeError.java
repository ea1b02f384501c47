package io.certgate.ejb.acme;

/**
 * Why the ACME module refused a request: the error kinds of RFC 8555 6.7 (and 7.3.4) that certgate answers. The
 * facade names them on the wire ({@code urn:ietf:params:acme:error:*}) and picks the HTTP status.
 */
public enum AcmeError {
    BAD_NONCE, MALFORMED, UNAUTHORIZED, ACCOUNT_DOES_NOT_EXIST, EXTERNAL_ACCOUNT_REQUIRED, REJECTED_IDENTIFIER,
    UNSUPPORTED_IDENTIFIER, BAD_SIGNATURE_ALGORITHM, BAD_PUBLIC_KEY, ORDER_NOT_READY, BAD_CSR, ALREADY_REVOKED,
    BAD_REVOCATION_REASON, INCORRECT_RESPONSE, CONNECTION, DNS, INVALID_CONTACT, UNSUPPORTED_CONTACT, NOT_FOUND,
    CONFLICT, ALREADY_REPLACED, RATE_LIMITED
}
