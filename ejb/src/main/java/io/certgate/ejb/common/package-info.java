/** What every business module shares: the base business exception, random identifiers, configuration access. */
package io.certgate.ejb.common;
