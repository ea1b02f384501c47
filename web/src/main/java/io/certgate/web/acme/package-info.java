/**
 * The ACME facade (RFC 8555, RFC 9773 renewal information) under {@code /acme/{org}}: HTTP, JWS bodies and JSON
 * answers translated to and from the ACME module of the ejb ({@code io.certgate.ejb.acme}), which verifies every
 * request before its payload is read; errors as problem documents ({@link io.certgate.web.acme.AcmeProblems}).
 */
package io.certgate.web.acme;
