package io.certgate.ejb.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.binding.CertificateStatus;
import io.certgate.ejb.common.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {

    @Test
    void certSnIsRequired() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> RenewalPolicy.requireCertSn(null));
        assertEquals("Invalid Argument certSn:certSn is missing", e.getMessage());
    }

    @Test
    void negativeCertSnIsInvalid() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> RenewalPolicy.requireCertSn(-1L));
        assertEquals("The serial number of the new certificate is invalid (less than 0).", e.getMessage());
    }

    @Test
    void validBoundCertificateMayBeRenewed() {
        assertDoesNotThrow(() -> RenewalPolicy.checkRenewable(true, CertificateStatus.VALID));
    }

    @Test
    void certificateOfAnotherDeviceMayNot() {
        assertThrows(UnknownCertificateException.class, () -> RenewalPolicy.checkRenewable(false, CertificateStatus.VALID));
        assertThrows(UnknownCertificateException.class, () -> RenewalPolicy.checkRenewable(false, null));
    }

    @Test
    void revokedMayNot() {
        CertificateNotRenewableException e = assertThrows(CertificateNotRenewableException.class,
                () -> RenewalPolicy.checkRenewable(true, CertificateStatus.REVOKED));
        assertEquals(CertificateNotRenewableException.REVOKED, e.getMessage());
    }

    @Test
    void expiredMayNot() {
        CertificateNotRenewableException e = assertThrows(CertificateNotRenewableException.class,
                () -> RenewalPolicy.checkRenewable(true, CertificateStatus.EXPIRED));
        assertEquals(CertificateNotRenewableException.EXPIRED, e.getMessage());
    }
}
