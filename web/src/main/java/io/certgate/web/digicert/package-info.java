/**
 * The DigiCert CertCentral facade (JSON under /services/v2, header X-DC-DEVKEY): translates requests into
 * value objects for {@code CertificateOrders} and answers in CertCentral's shapes and error format.
 */
package io.certgate.web.digicert;
