package io.certgate.ejb.enrollment;

import io.certgate.domain.enrollment.CertProductType;
import java.time.Instant;
import java.util.List;

/** An enrollment request that passed the field rules of spec 002 (the CSR itself is checked at signing). */
public record ValidatedEnrollment(String firstName, String lastName, String email, String csr,
                                  CertProductType productType, String serverType, int validityYears,
                                  Instant specificEndDate, String challenge, List<String> subjectAltNames,
                                  SignatureAlgorithm signatureAlgorithm, String ctLogOption) {

    public String validityPeriod() {
        return validityYears + "Y";
    }
}
