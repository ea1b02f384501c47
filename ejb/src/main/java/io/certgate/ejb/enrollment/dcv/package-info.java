/**
 * Domain control validation for the DigiCert facade: the method names of CertCentral ({@link
 * io.certgate.ejb.enrollment.dcv.DcvMethod}) and the checks of the token methods ({@link
 * io.certgate.ejb.enrollment.dcv.DomainControlCheck}), configured by {@code certgate.dcv.*}.
 */
package io.certgate.ejb.enrollment.dcv;
