/**
 * The admin API for operators (/admin/api/*): credentials of organizations, the audit trail, counts
 * ({@code AdminResource}); an organization's certificates: search, expiry, details, revocation
 * ({@code CertificateAdminResource}); errors and the operator of a request in one place ({@code AdminAnswers}). Behind
 * HTTP BASIC over HTTPS with the admin role (Jakarta Security, users in CG_ADMIN_USER with PBKDF2 hashes).
 */
package io.certgate.web.admin;
