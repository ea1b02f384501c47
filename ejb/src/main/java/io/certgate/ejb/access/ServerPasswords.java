package io.certgate.ejb.access;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An operator's password as Liberty's own user registry checks it: {@code {hash}} (salted PBKDF2, Liberty's
 * format) from {@code com.ibm.websphere.crypto.PasswordUtil}, which the server's passwordUtilities feature shows to
 * applications. Called by reflection, because the class exists only inside Liberty: elsewhere (unit tests, another
 * server) there is no hash, and the operator simply cannot sign in to the Admin Center.
 */
final class ServerPasswords {

    private static final Logger LOG = Logger.getLogger(ServerPasswords.class.getName());
    private static final String PASSWORD_UTIL = "com.ibm.websphere.crypto.PasswordUtil";

    private ServerPasswords() {
    }

    static Optional<String> hash(char[] password) {
        Method encode;
        try {
            encode = Class.forName(PASSWORD_UTIL).getMethod("encode", String.class, String.class);
        } catch (ReflectiveOperationException | LinkageError absent) {
            LOG.warning(() -> PASSWORD_UTIL + " is not available (feature passwordUtilities-1.1): the operator "
                    + "cannot sign in to Liberty's Admin Center until the password is set again");
            return Optional.empty();
        }
        try {
            String hashed = (String) encode.invoke(null, new String(password), "hash");
            return Optional.of(hashed);
        } catch (InvocationTargetException | IllegalAccessException e) {
            // the message of PasswordUtil's exceptions never holds the password
            throw new IllegalStateException("cannot hash the operator's password for the server's user registry: "
                    + (e instanceof InvocationTargetException ite ? ite.getTargetException() : e), e);
        }
    }
}
