/**
 * certgate's own HTTPS certificate: issued by its RSA root through the certificate ledger (organization
 * {@code _server}) for the configured host names, written with its fresh key into the keystore Liberty's HTTPS
 * reads ({@code defaultKeyStore}, polled), renewed when missing, issued by another root, for other names, revoked
 * or near its end.
 */
package io.certgate.ejb.ca.tls;
