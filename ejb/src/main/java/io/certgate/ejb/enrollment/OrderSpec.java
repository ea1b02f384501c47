package io.certgate.ejb.enrollment;

/** A DigiCert order as the facade read it: the certificate, the order's validity (the plan) and its options. */
public record OrderSpec(CertificateSpec certificate, CertificateSpec.CertValidity orderValidity, String comments,
                        boolean skipApproval, String dcvMethod, boolean disableRenewalNotifications,
                        String paymentMethod, Long renewalOfOrderId, String csProvisioningMethod) {
}
