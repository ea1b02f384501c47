package io.certgate.domain.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What an operator may do. The names are the groups the identity store returns and the security roles of the
 * admin API ({@code web.xml}, {@code @RolesAllowed}).
 */
public enum OperatorRole {
    /** Everything: credentials, RA accounts, operators, revocations, decisions, reads. */
    ADMIN,
    /** Decides pending requests (CertManager transactions, DigiCert requests, device self-enrollments) and reads. */
    APPROVER,
    /** Reads everything and changes nothing. */
    AUDITOR;

    /** The role's name as the security layer knows it: {@code admin}, {@code approver}, {@code auditor}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OperatorRole> byName(String name) {
        for (OperatorRole r : values()) {
            if (name != null && r.roleName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
