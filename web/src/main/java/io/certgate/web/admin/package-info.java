/**
 * The admin API for operators (/admin/api/*): credentials of organizations, the audit trail, counts. Behind
 * HTTP BASIC over HTTPS with the admin role (Jakarta Security, users in CG_ADMIN_USER with PBKDF2 hashes).
 */
package io.certgate.web.admin;
