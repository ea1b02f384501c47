/**
 * ACME (RFC 8555) records: accounts of an organization's directory, the operators' external account binding keys,
 * orders, authorizations and their challenges. The rules that move them are in {@code io.certgate.ejb.acme}.
 */
package io.certgate.domain.acme;
