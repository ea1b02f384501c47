package io.certgate.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the schema change log of the ejb module holds: its change sets (schema-N), so checks follow new versions. */
final class ChangeLog {

    private static final Pattern CHANGE_SET = Pattern.compile("<changeSet id=\"schema-(\\d+)\"");

    private ChangeLog() {
    }

    static int changeSets() {
        int n = 0;
        for (Matcher m = CHANGE_SET.matcher(text()); m.find(); ) {
            n++;
        }
        return n;
    }

    static int latestVersion() {
        int max = 0;
        for (Matcher m = CHANGE_SET.matcher(text()); m.find(); ) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    private static String text() {
        try (InputStream in = ChangeLog.class.getClassLoader().getResourceAsStream("META-INF/db/changelog.xml")) {
            if (in == null) {
                throw new AssertionError("META-INF/db/changelog.xml (certgate-ejb) is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
