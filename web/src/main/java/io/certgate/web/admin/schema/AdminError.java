package io.certgate.web.admin.schema;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin API's refusal (AdminAnswers builds it). */
@Schema(name = "AdminErrorAnswer")
public class AdminError {
    @Schema(required = true, enumeration = {"invalid_request", "not_found", "conflict"},
            description = "invalid_request (400), not_found (404), conflict (409)")
    public String error;

    @Schema(required = true, description = "what was wrong")
    public String message;
}
