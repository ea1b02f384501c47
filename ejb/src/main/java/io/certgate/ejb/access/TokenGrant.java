package io.certgate.ejb.access;

/** An access token and its lifetime in seconds. */
public record TokenGrant(String accessToken, long expiresInSeconds) {
}
