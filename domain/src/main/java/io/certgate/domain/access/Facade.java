package io.certgate.domain.access;

import java.util.Locale;

/**
 * The door a request came in by, as metrics label it: one of a fixed few, so that a label never carries an
 * organization, a key or a serial. The actor a facade gives its {@link Caller} names it by its prefix
 * ({@code enos:<appKey>}, {@code ra:<account>}, {@code digicert:<keyId>}, {@code est:<assetId>},
 * {@code scep:<assetId>}, {@code acme:<account id>}, {@code admin:<user>}); first-start work ({@code bootstrap}, {@code system}) is
 * {@link #STARTUP}.
 */
public enum Facade {
    ENOS, CERTMANAGER, DIGICERT, EST, SCEP, ACME, ADMIN, STARTUP, OTHER;

    /** The label value: the name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The facade an actor came through, by the actor's prefix; {@link #OTHER} for one no facade makes. */
    public static Facade ofActor(String actor) {
        if (actor == null) {
            return OTHER;
        }
        int colon = actor.indexOf(':');
        String prefix = colon < 0 ? actor : actor.substring(0, colon);
        return switch (prefix) {
            case "enos" -> ENOS;
            case "ra" -> CERTMANAGER;
            case "digicert" -> DIGICERT;
            case "est" -> EST;
            case "scep" -> SCEP;
            case "acme" -> ACME;
            case "admin" -> ADMIN;
            case "bootstrap", "system" -> STARTUP;
            default -> OTHER;
        };
    }

    /** The facade of the caller's actor. */
    public static Facade of(Caller caller) {
        return caller == null ? OTHER : ofActor(caller.actor());
    }
}
