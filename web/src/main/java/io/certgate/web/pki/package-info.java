/** The public PKI endpoints: CA certificates and CRLs, unauthenticated by design. */
package io.certgate.web.pki;
