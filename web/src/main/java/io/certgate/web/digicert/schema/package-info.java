/**
 * The DigiCert CertCentral facade's request and answer shapes for the OpenAPI document only (snake_case on the wire,
 * set by each field's {@code @Schema(name)}): the facade builds its JSON with JSON-P ({@code DigiCertViews},
 * {@code DigiCertErrors}), so these classes are never instantiated. OpenApiIT checks real answers against them.
 */
package io.certgate.web.digicert.schema;
