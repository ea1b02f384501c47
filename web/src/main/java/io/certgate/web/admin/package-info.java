/**
 * The admin API for operators (/admin/api/*): credentials of organizations, decisions, the audit trail (filtered and
 * paged), counts ({@code AdminResource}); an organization's credentials listed, disabled and rotated
 * ({@code CredentialAdminResource}); an organization's certificates: search, expiry, details, revocation
 * ({@code CertificateAdminResource}); operators and their roles ({@code OperatorAdminResource}); what the console
 * shows of an organization: counts, products and devices, pending requests ({@code OrganizationAdminResource}); the
 * CAs ({@code AuthorityAdminResource}); errors and the operator of a request in one place ({@code AdminAnswers}).
 * Answers of the newer reads are records written by {@code RecordJson}, which OpenAPI documents as they are. Behind
 * HTTP BASIC over HTTPS ({@code OperatorAuthentication}, a Jakarta Security mechanism that acts only on /admin;
 * enabled operators in CG_ADMIN_USER with PBKDF2 hashes, {@code AdminSecurity}; no session, and no cookie, not even
 * the single sign-on cookie of Liberty's Admin Center); every endpoint names its roles ({@code AdminRoles}: reads
 * admin, approver, auditor; decisions admin, approver; everything else admin).
 */
package io.certgate.web.admin;
