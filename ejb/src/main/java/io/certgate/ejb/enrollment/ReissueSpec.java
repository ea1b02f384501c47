package io.certgate.ejb.enrollment;

/**
 * A DigiCert reissue (or duplicate) as the facade read it: the new certificate and the request's options.
 * {@code asDuplicate}: {@code store_reissue_as_duplicate}, or the duplicate endpoint.
 */
public record ReissueSpec(CertificateSpec certificate, String comments, boolean skipApproval, String dcvMethod,
                          boolean asDuplicate, String csProvisioningMethod) {
}
