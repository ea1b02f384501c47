/**
 * The EnOS facade's request and answer shapes for the OpenAPI document only: the facade builds its JSON with JSON-P
 * ({@code EnosResponses}, {@code EnosCertificateAssembler}), so these classes are never instantiated. OpenApiIT
 * checks real answers against them, so a field the code adds without adding it here fails that test.
 */
package io.certgate.web.enos.schema;
