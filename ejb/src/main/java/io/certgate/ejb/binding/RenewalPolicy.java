package io.certgate.ejb.binding;

import io.certgate.domain.binding.CertificateStatus;
import io.certgate.ejb.common.InvalidArgumentException;

/** Which certificates may be renewed: a known certSn, bound to the device, neither revoked nor expired. */
public final class RenewalPolicy {

    private RenewalPolicy() {
    }

    public static long requireCertSn(Long certSn) {
        if (certSn == null) {
            throw new InvalidArgumentException("Invalid Argument certSn:certSn is missing");
        }
        if (certSn < 0) {
            throw new InvalidArgumentException("The serial number of the new certificate is invalid (less than 0).");
        }
        return certSn;
    }

    public static void checkRenewable(boolean boundToDevice, CertificateStatus status) {
        if (!boundToDevice) {
            throw new UnknownCertificateException();
        }
        if (status == CertificateStatus.REVOKED) {
            throw new CertificateNotRenewableException(CertificateNotRenewableException.REVOKED);
        }
        if (status == CertificateStatus.EXPIRED) {
            throw new CertificateNotRenewableException(CertificateNotRenewableException.EXPIRED);
        }
    }
}
