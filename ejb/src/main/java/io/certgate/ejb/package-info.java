/**
 * The business modules of certgate as EJBs. This is the only place rules live: facades in the web module
 * translate their protocol into calls on these beans and translate the answers and exceptions back.
 */
package io.certgate.ejb;
