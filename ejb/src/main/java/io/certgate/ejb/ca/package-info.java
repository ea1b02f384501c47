/**
 * The certificate authorities: key custody (PKCS#12 keystore), root generation on first start, CSR
 * validation, certificate building and signing, serial numbers, CRLs and the public endpoint URLs.
 * Crypto lives here and nowhere else; no persistence of issued certificates (that is the binding module).
 */
package io.certgate.ejb.ca;
