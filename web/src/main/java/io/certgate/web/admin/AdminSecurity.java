package io.certgate.web.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Operators sign in with HTTP BASIC (over HTTPS: web.xml makes /admin/* CONFIDENTIAL) against the admin users
 * in the database, whose passwords are PBKDF2 hashes; their role is the group the store returns.
 */
@BasicAuthenticationMechanismDefinition(realmName = "certgate admin")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/certgate",
        callerQuery = "SELECT PASSWORD_HASH FROM CG_ADMIN_USER WHERE USERNAME = ?",
        groupsQuery = "SELECT ROLE_NAME FROM CG_ADMIN_USER WHERE USERNAME = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles("admin")
@ApplicationScoped
public class AdminSecurity {
}
