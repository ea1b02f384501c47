package io.certgate.ejb.enrollment;

/**
 * A DigiCert reissue (or duplicate) as the facade read it: the new certificate and the request's options.
 * {@code duplicate}: the duplicate endpoint; {@code storeAsDuplicate}: the reissue's
 * {@code store_reissue_as_duplicate} (honoured for public TLS only, as spec 003 says).
 */
public record ReissueSpec(CertificateSpec certificate, String comments, boolean skipApproval, String dcvMethod,
                          boolean duplicate, boolean storeAsDuplicate, String csProvisioningMethod) {
}
