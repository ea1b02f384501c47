package io.certgate.web.console;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The operator a console session belongs to, kept in the session from the sign-in on: the session is made anew at
 * every sign-in, so it never carries over from another operator (or from before the sign-in). The operator's role is
 * not kept here: it is read from the database on every request, like the admin API's Basic sign-in, together with
 * the operator's credential stamp, which must still be the one kept here
 * ({@link io.certgate.ejb.access.AdminUsers#sessionRole}): a new password ends the operator's other sessions.
 */
final class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The session attribute. */
    static final String KEY = ConsoleSession.class.getName();

    private final String operator;
    private String credentialStamp;
    private Instant lastSeen;

    ConsoleSession(String operator, String credentialStamp, Instant signedInAt) {
        this.operator = operator;
        this.credentialStamp = credentialStamp;
        this.lastSeen = signedInAt;
    }

    String operator() {
        return operator;
    }

    synchronized String credentialStamp() {
        return credentialStamp;
    }

    /** The operator gave itself a new password in this session: this session goes on with it, the others end. */
    synchronized void restamp(String stamp) {
        credentialStamp = stamp;
    }

    /** Whether the operator did nothing for longer than the idle timeout. */
    synchronized boolean idleAt(Instant now, Duration idleTimeout) {
        return Duration.between(lastSeen, now).compareTo(idleTimeout) > 0;
    }

    synchronized void seenAt(Instant now) {
        if (now.isAfter(lastSeen)) {
            lastSeen = now;
        }
    }
}
