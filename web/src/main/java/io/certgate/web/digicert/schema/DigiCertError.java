package io.certgate.web.digicert.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** CertCentral's error answer (DigiCertErrors builds it), with Content-Type exactly application/json. */
@Schema(name = "DigiCertErrors", description = "400 csr_invalid_cannot_parse (csr_invalid_key, csr_invalid_signature, "
        + "csr_invalid_subject), invalid_dns_name, missing_field, invalid_value, ...; "
        + "401 access_denied|invalid_api_key; 403 access_denied|invalid_approver; 404 not_found|order (|request, "
        + "|certificate, |product, |route, |domain); 500 internal_error with a request id")
public class DigiCertError {
    @Schema(required = true, minItems = 1)
    public List<Entry> errors;

    @Schema(name = "DigiCertErrorEntry")
    public static class Entry {
        @Schema(required = true, example = "not_found|order")
        public String code;

        @Schema(required = true)
        public String message;
    }
}
