/** Products: what an organization's devices are, whether they use mutual TLS and how long their certificates may live. */
package io.certgate.domain.product;
