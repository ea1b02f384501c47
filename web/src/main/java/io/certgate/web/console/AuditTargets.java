package io.certgate.web.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit record's target ("certSn=24 serial=1a", "assetId=x7", "requestId=3 certSn=25", "productKey=p1") in pieces,
 * so that the audit page links the ids it names: a certSn to its certificate, an assetId to the device's
 * certificates, a serial to the certificate search by serial, a productKey to its row on the products page. The
 * pieces together are the target as written.
 */
public final class AuditTargets {

    private static final Pattern LINKED = Pattern.compile("\\b(certSn|assetId|serial|productKey)=([A-Za-z0-9_.-]+)");

    /** Text before a link (or all of it), and the link's kind and value when there is one. */
    public static final class Piece {
        private final String text;
        private final String kind;
        private final String value;

        Piece(String text, String kind, String value) {
            this.text = text;
            this.kind = kind;
            this.value = value;
        }

        public String getText() { return text; }
        public String getKind() { return kind; }
        public String getValue() { return value; }
    }

    private AuditTargets() {
    }

    static List<Piece> of(String target) {
        List<Piece> pieces = new ArrayList<>();
        if (target == null) {
            return pieces;
        }
        Matcher m = LINKED.matcher(target);
        int at = 0;
        while (m.find()) {
            pieces.add(new Piece(target.substring(at, m.start(2)), m.group(1), m.group(2)));
            at = m.end();
        }
        if (at < target.length()) {
            pieces.add(new Piece(target.substring(at), null, null));
        }
        return pieces;
    }
}
