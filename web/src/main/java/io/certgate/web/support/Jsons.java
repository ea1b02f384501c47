package io.certgate.web.support;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the request paths: {@code Json.createObjectBuilder()} and its siblings look the provider
 * up through the ServiceLoader on every call, which a profile of EnOS apply showed walking Liberty's class
 * loaders for each request.
 */
public final class Jsons {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }
}
