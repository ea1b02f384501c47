/** The product catalog of each organization: creating products and looking them up, scoped by orgId. */
package io.certgate.ejb.product;
