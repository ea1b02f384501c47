package io.certgate.ejb.acme;

/**
 * An ACME POST as the facade received it: the organization of the directory, the URL it was sent to (which the JWS
 * must name), the prefix of this directory's account URLs (what a {@code kid} must start with), the body (a JWS, at
 * most {@link Jws#MAX_BYTES}) and the request id.
 */
public record AcmeCall(String org, String url, String accountUrlPrefix, String body, String requestId) {
}
