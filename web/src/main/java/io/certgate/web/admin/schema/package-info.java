/**
 * The admin API's request and answer shapes for the OpenAPI document only: the resources build their JSON with JSON-P
 * ({@code CertificateAdminViews}, {@code AuditViews}, ...), so these classes are never instantiated. OpenApiIT checks
 * real answers against them.
 */
package io.certgate.web.admin.schema;
