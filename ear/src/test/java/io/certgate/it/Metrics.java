package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of /metrics (Prometheus text), read as series: name and labels (without MicroProfile's
 * {@code mp_scope}) to value. A series a scrape does not hold reads as 0, as a counter not yet counted does.
 */
final class Metrics {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Double> series;
    private final String text;

    private Metrics(Map<String, Double> series, String text) {
        this.series = series;
        this.text = text;
    }

    static Metrics scrape() {
        Http.Answer a = Http.get("/metrics");
        assertEquals(200, a.status(), "metrics need no login");
        Map<String, Double> s = new HashMap<>();
        for (String line : a.body().split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    if (!l.group(1).equals("mp_scope")) {
                        labels.put(l.group(1), l.group(2));
                    }
                }
            }
            s.put(key(m.group(1), labels), Double.parseDouble(m.group(4)));
        }
        return new Metrics(s, a.body());
    }

    /** The value of a series named with its labels as name, value pairs; 0 when absent. */
    double value(String name, String... labels) {
        return series.getOrDefault(key(name, labels(labels)), 0.0);
    }

    boolean has(String name, String... labels) {
        return series.containsKey(key(name, labels(labels)));
    }

    /** How much a series grew since an earlier scrape. */
    double since(Metrics before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    /** certgate's own lines, for assertion messages. */
    String certgateLines() {
        return String.join("\n", text.lines().filter(l -> l.startsWith("certgate_")).toList());
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels;
    }
}
