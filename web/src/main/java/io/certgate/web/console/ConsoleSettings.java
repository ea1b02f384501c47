package io.certgate.web.console;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** The console's settings, read at each use (Liberty's server.xml variables change while the server runs). */
final class ConsoleSettings {

    /** Without activity for this long, an operator is signed out of the console. */
    static final String IDLE_TIMEOUT = "certgate.console.idle.timeout";
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);

    private ConsoleSettings() {
    }

    static Duration idleTimeout() {
        return idleTimeout(ConfigProvider.getConfig().getOptionalValue(IDLE_TIMEOUT, String.class));
    }

    /** An ISO-8601 duration of at least one second; anything else is the default (and the server still starts). */
    static Duration idleTimeout(Optional<String> configured) {
        try {
            Duration d = configured.map(String::trim).map(Duration::parse).orElse(DEFAULT_IDLE_TIMEOUT);
            return d.compareTo(Duration.ofSeconds(1)) < 0 ? DEFAULT_IDLE_TIMEOUT : d;
        } catch (java.time.format.DateTimeParseException e) {
            return DEFAULT_IDLE_TIMEOUT;
        }
    }
}
