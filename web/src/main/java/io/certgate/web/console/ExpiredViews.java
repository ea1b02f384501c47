package io.certgate.web.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A console form posted with a view state this session does not hold (the session expired, the server restarted,
 * or another site made the browser post it) changes nothing and leads to the page that says so: a redirect, not a
 * server error, and no error in the log (nothing for an operator to act on). Other exceptions are Faces' default's.
 */
public class ExpiredViews extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());
    static final String PAGE = "/admin/console/expired.xhtml";

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViews(getWrapped().getExceptionHandler());
        }
    }

    public ExpiredViews(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            if (expired(events.next().getContext().getException())) {
                events.remove();
                FacesContext context = FacesContext.getCurrentInstance();
                LOG.fine(() -> "console: a form of an unknown view was posted to " + context.getViewRoot());
                try {
                    context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + PAGE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                context.responseComplete();
            }
        }
        getWrapped().handle();
    }

    static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t instanceof FacesException ? t.getCause() : null) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
