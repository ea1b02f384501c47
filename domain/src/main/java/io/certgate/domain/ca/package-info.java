/** Value types of the certificate authorities: which root signs, revocation reasons. */
package io.certgate.domain.ca;
