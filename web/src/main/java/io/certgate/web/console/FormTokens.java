package io.certgate.web.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The session's {@link OneShotTokens} for the forms whose answer shows a secret once (a new or rotated credential,
 * an operator's password, a device secret). Such a form carries {@code <input type="hidden" name="once"
 * value="#{formTokens.next}"/>}; its action asks {@link #use} first. Faces' view state alone does not stop a
 * reload (the session keeps the view, so the same post is valid twice); a redirect would have to keep the secret
 * in the session until the next page, which this avoids: the secret lives only in the post's own answer.
 */
@Named
@SessionScoped
public class FormTokens implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FIELD = "once";

    private final OneShotTokens tokens = new OneShotTokens(64);

    /** A new token for one form of the page being rendered. */
    public String getNext() {
        return tokens.issue();
    }

    /**
     * Whether this post's token was still open (it is closed now); if not, the page says that nothing was done
     * again and that the secret shown the first time is the one that works.
     */
    public boolean use(ConsoleMessages messages, String what) {
        if (tokens.use(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(FIELD))) {
            return true;
        }
        messages.error(what + ": this form was sent already (reloaded?), so nothing was done again; what it showed "
                + "then is what works.");
        return false;
    }

    /** Runs a change that shows a secret once: unless this post's token was used already (a reload). */
    public <T> java.util.Optional<T> once(ConsoleMessages messages, String what, java.util.function.Supplier<T> change) {
        return use(messages, what) ? messages.attempt(what, change) : java.util.Optional.empty();
    }
}
