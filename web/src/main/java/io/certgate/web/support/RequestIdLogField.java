package io.certgate.web.support;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The request id as a field of its own in every log record written while the request is served (the facade's, the
 * EJBs' and the after-commit lines: all on the request's thread), for JSON logs: Liberty's {@code LogRecordContext}
 * (an IBM API the runtime shows every application) puts a thread's extensions into each JSON record as
 * {@code ext_requestId}. The simple format does not show extensions, so certgate's lines about a request also carry
 * {@code requestId=...} in their text. Looked up reflectively: no compile-time dependency on the runtime, and a
 * no-op where the class is absent (unit tests).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class RequestIdLogField extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The JSON field is {@code ext_} + this name. */
    static final String NAME = "requestId";

    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        try {
            Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            add = lookup.findStatic(context, "addExtension", MethodType.methodType(void.class, String.class, String.class));
            remove = lookup.findStatic(context, "removeExtension", MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError notLiberty) {
            // no extension fields: the text still carries requestId=...
        }
        ADD = add;
        REMOVE = remove;
    }

    @Inject
    private CallerContext caller;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        set(caller.requestId());
        try {
            chain.doFilter(req, res);
        } finally {
            clear(); // pooled threads serve other requests next
        }
    }

    /** Whether this runtime puts the field into JSON records. */
    static boolean available() {
        return ADD != null;
    }

    static void set(String requestId) {
        if (ADD != null && requestId != null) {
            try {
                ADD.invoke(NAME, requestId);
            } catch (Throwable e) {
                throw new IllegalStateException("LogRecordContext.addExtension", e);
            }
        }
    }

    static void clear() {
        if (REMOVE != null) {
            try {
                REMOVE.invoke(NAME);
            } catch (Throwable e) {
                throw new IllegalStateException("LogRecordContext.removeExtension", e);
            }
        }
    }
}
