package io.certgate.web.console;

import io.certgate.domain.CertgateException;
import io.certgate.web.support.CallerContext;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the console tells the operator after a page load or an action: one message per outcome. A refusal (a
 * business error of the EJBs, or the guard's) is shown with the rules' own wording after what was tried; anything
 * else is logged with the request id, and the page shows that id and nothing of the cause.
 */
@RequestScoped
public class ConsoleMessages {

    private static final Logger LOG = Logger.getLogger(ConsoleMessages.class.getName());

    @Inject
    private CallerContext context;

    /** Runs it; false (and the message on the page) when it was refused or failed. */
    public boolean attempt(String what, Runnable action) {
        return attempt(what, () -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Its result; empty (and the message on the page) when it was refused or failed. */
    public <T> Optional<T> attempt(String what, Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (RuntimeException e) {
            Optional<String> refusal = refusal(what, e);
            if (refusal.isPresent()) {
                error(refusal.get());
            } else {
                LOG.log(Level.SEVERE, "console: " + what + " failed, requestId=" + context.requestId(), e);
                error(what + ": unexpected error (request id " + context.requestId() + ").");
            }
            return Optional.empty();
        }
    }

    /** A change went through. */
    public void done(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    /**
     * What a bulk action did: "n of m {plural} {verb}{note}." and, for each item the rules refused, "{Item} x not
     * {verb}: why." ({@link BulkOutcome}: each item went through the single action's rule on its own).
     */
    public void bulk(java.util.List<io.certgate.ejb.common.BulkOutcome> all, String item, String plural, String verb,
                     String note) {
        done(all.stream().filter(io.certgate.ejb.common.BulkOutcome::isDone).count() + " of " + all.size() + " "
                + plural + " " + verb + note + ".");
        all.stream().filter(o -> !o.isDone()).forEach(o -> error(item + " " + o.item() + " not " + verb + ": "
                + sentence(o.refusal())));
    }

    /** A request that cannot be made as asked (a form or parameter the console reads itself). */
    public void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    /**
     * "what: reason" for a refusal of the rules (also wrapped by the EJB container) or of the guard; empty for
     * anything else, which is not the operator's doing.
     */
    static Optional<String> refusal(String what, Throwable e) {
        Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof CertgateException || t instanceof ConsoleRefusedException) {
            return Optional.of(what + ": " + sentence(t.getMessage()));
        }
        return Optional.empty();
    }

    /** The rules' wording as a sentence: capital first letter, full stop at the end. */
    static String sentence(String message) {
        String m = message == null || message.isBlank() ? "refused" : message.trim();
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
