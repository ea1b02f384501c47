package io.certgate.web.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Operators sign in with HTTP BASIC ({@link OperatorAuthentication}; over HTTPS: web.xml makes /admin/*
 * CONFIDENTIAL) against the enabled operators in the database, whose passwords are PBKDF2 hashes; their role (admin, approver, auditor) is the one
 * group the store returns, and groups map to the security roles of the same name. Both queries run on every
 * request, so a disabled operator, a new password or a new role applies to the next request.
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
