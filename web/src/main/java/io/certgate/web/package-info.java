/**
 * The facades: each package translates one protocol into calls on the EJBs and back. No business rule lives
 * here; a rule two facades need is an EJB method.
 */
package io.certgate.web;
