/**
 * certgate's domain model: JPA entities and value types, one package per business module.
 * No EJBs, no HTTP, no wire formats live here; the rules that use these types live in the ejb module.
 */
package io.certgate.domain;
