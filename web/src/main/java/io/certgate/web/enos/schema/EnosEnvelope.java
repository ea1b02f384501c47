package io.certgate.web.enos.schema;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What every EnOS answer carries around its data; the subclasses say what {@code data} is. */
public abstract class EnosEnvelope {
    @Schema(required = true, example = "0", description = "0 when the call succeeded, otherwise the EnOS error code: "
            + "99400 invalid argument, 11404 device, product or organization not found, 11702 deviceKey exists, "
            + "11833 key bound to another device, 99500 internal error; authentication refusals (HTTP 401) 1202 no "
            + "credential, 1203 unknown or expired token, 1003 bad signature, 1001 replay, 1004 timestamp")
    public int code;

    @Schema(required = true, example = "OK", description = "OK, or what was wrong in EnOS's wording")
    public String msg;

    @Schema(required = true, description = "this request's id; the server log carries it with any failure")
    public String requestId;
}
