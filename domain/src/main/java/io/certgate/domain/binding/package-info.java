/** Issued certificates and the binding of public keys to devices (one key, one device). */
package io.certgate.domain.binding;
