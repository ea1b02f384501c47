package io.certgate.web.enos;

/** What the OpenAPI descriptions of every EnOS operation say, written once. */
final class EnosOpenApi {

    static final String ERRORS = "An error is HTTP 200 with a non-zero code and data null (EnOS error codes in the "
            + "README).";

    private EnosOpenApi() {
    }
}
