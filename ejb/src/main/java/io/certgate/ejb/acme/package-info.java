/**
 * ACME (RFC 8555) on the CA core: replay nonces every instance shares ({@link io.certgate.ejb.acme.AcmeNonces}),
 * request authentication by JWS ({@link io.certgate.ejb.acme.Jws}, {@link io.certgate.ejb.acme.Jwk}) and accounts
 * bound to an organization by an operator's external account binding key ({@link io.certgate.ejb.acme.AcmeAccounts}),
 * orders, authorizations and challenges over the DCV checks, finalization through the ledger, revocation and renewal
 * information ({@link io.certgate.ejb.acme.AcmeOrders}); the pure rules in {@link io.certgate.ejb.acme.AcmeRules}.
 * The web module's {@code acme} facade translates HTTP and JSON only.
 */
package io.certgate.ejb.acme;
