package io.certgate.web.console;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/** The console's settings, read at each use (Liberty's server.xml variables change while the server runs). */
final class ConsoleSettings {

    private static final Logger LOG = Logger.getLogger(ConsoleSettings.class.getName());

    /** Without activity for this long, an operator is signed out of the console. */
    static final String IDLE_TIMEOUT = "certgate.console.idle.timeout";
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);

    /** The last unusable value logged: each bad value is logged once, not at every request that reads it. */
    private static final AtomicReference<String> REPORTED = new AtomicReference<>();

    private ConsoleSettings() {
    }

    static Duration idleTimeout() {
        return idleTimeout(ConfigProvider.getConfig().getOptionalValue(IDLE_TIMEOUT, String.class));
    }

    /**
     * An ISO-8601 duration of at least one second; anything else is the default (and the server still starts), with
     * a warning the first time the value is seen.
     */
    static Duration idleTimeout(Optional<String> configured) {
        if (configured.isEmpty()) {
            return DEFAULT_IDLE_TIMEOUT;
        }
        String value = configured.get();
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            d = null;
        }
        if (d != null && d.compareTo(Duration.ofSeconds(1)) >= 0) {
            return d;
        }
        if (!value.equals(REPORTED.getAndSet(value))) {
            LOG.warning(() -> IDLE_TIMEOUT + " is \"" + value + "\", not an ISO-8601 duration of at least one second "
                    + "(such as PT15M): the console uses " + DEFAULT_IDLE_TIMEOUT + " until it is corrected");
        }
        return DEFAULT_IDLE_TIMEOUT;
    }
}
