/** Who may call: RA accounts (Symantec, by TLS client certificate) and the first-start bootstrap of credentials. */
package io.certgate.ejb.access;
