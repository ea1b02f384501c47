package io.certgate.ejb.access;

import io.certgate.ejb.common.InvalidArgumentException;
import java.util.Locale;

/**
 * The role a DigiCert API key carries, as CertCentral's keys inherit their user's: an admin decides requests (its
 * own too, unless the organization requires a second person) and may skip approval; a manager decides other
 * people's requests; a user only places requests.
 */
public enum DigiCertKeyRole {
    ADMIN, MANAGER, USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** admin (also when absent), manager or user. */
    public static DigiCertKeyRole parse(String value) {
        if (value == null || value.isBlank()) {
            return ADMIN;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (DigiCertKeyRole r : values()) {
            if (r.wireName().equals(v) || ("administrator".equals(v) && r == ADMIN)) {
                return r;
            }
        }
        throw new InvalidArgumentException("role must be admin, manager or user");
    }
}
