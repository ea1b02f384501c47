/** SCEP (RFC 8894) messages: reads a client's signed and encrypted request, writes the RA-signed CertRep answer. */
package io.certgate.web.scep;
