package io.certgate.ejb.common;

import io.certgate.domain.CertgateException;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the single action of a bulk operation once per item (each item once, in the order given, at most
 * {@value #MAX_ITEMS}), so a bulk operation applies exactly the rule its single action applies. The action is
 * meant to be a call through the EJB's own business object, so each item commits or rolls back alone; a refusal of
 * the rules becomes that item's outcome, anything else is logged and named as an unexpected error.
 */
public final class BulkRun {

    /** A page of the largest list an operator sees at once. */
    public static final int MAX_ITEMS = 500;

    private static final Logger LOG = Logger.getLogger(BulkRun.class.getName());

    private BulkRun() {
    }

    public static <T> List<BulkOutcome> each(List<T> items, String what, Consumer<T> action) {
        if (items == null || items.isEmpty()) {
            throw new InvalidArgumentException("no " + what + " chosen");
        }
        LinkedHashSet<T> distinct = new LinkedHashSet<>(items);
        if (distinct.size() > MAX_ITEMS) {
            throw new InvalidArgumentException("at most " + MAX_ITEMS + " at once");
        }
        List<BulkOutcome> outcomes = new ArrayList<>(distinct.size());
        for (T item : distinct) {
            String name = String.valueOf(item);
            try {
                action.accept(item);
                outcomes.add(BulkOutcome.done(name));
            } catch (RuntimeException e) {
                outcomes.add(new BulkOutcome(name, refusal(what + " " + name, e)));
            }
        }
        return List.copyOf(outcomes);
    }

    /** The rules' wording of a refusal (also wrapped by the EJB container); anything else is logged. */
    static String refusal(String item, RuntimeException e) {
        Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof CertgateException) {
            return t.getMessage() == null || t.getMessage().isBlank() ? "refused" : t.getMessage();
        }
        LOG.log(Level.SEVERE, "bulk operation failed on " + item, e);
        return "unexpected error (logged)";
    }
}
