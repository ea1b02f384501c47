/**
 * The Symantec CertManager facade: form POST under /vswebservices/rest/services/{operation} and SOAP at
 * /vswebservices/soap/certmanager (WSDL at ?wsdl), both answering urn:symantec:api. Both wires turn their
 * request into the same field map and run it through {@link io.certgate.web.symantec.SymantecOperations},
 * so one rule has one implementation and both wires give the same outcome.
 */
package io.certgate.web.symantec;
