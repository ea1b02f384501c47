package io.certgate.web.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Operators are the enabled rows of CG_ADMIN_USER, whose passwords are PBKDF2 hashes; their role (admin, approver,
 * auditor) is the one group the store returns, and groups map to the security roles of the same name. Both queries
 * run on every request, so a disabled operator, a new password or a new role applies to the next request. Who is
 * asked for credentials, and where, is {@link OperatorSignIn}'s (HTTP BASIC under /admin only, over HTTPS).
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/certgate",
        callerQuery = "SELECT PASSWORD_HASH FROM CG_ADMIN_USER WHERE USERNAME = ? AND ENABLED = TRUE",
        groupsQuery = "SELECT ROLE_NAME FROM CG_ADMIN_USER WHERE USERNAME = ? AND ENABLED = TRUE",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({AdminRoles.ADMIN, AdminRoles.APPROVER, AdminRoles.AUDITOR})
@ApplicationScoped
public class AdminSecurity {
}
