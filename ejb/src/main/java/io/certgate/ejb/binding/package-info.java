/**
 * Certificates bound to devices and their lifecycle: apply, renew, revoke, list. Enforces one public key,
 * one device; signs and persists in one transaction.
 */
package io.certgate.ejb.binding;
