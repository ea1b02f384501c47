/** Who may call: organizations' API accounts (Symantec RA accounts identified by client certificate). */
package io.certgate.domain.access;
