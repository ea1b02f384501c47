package io.certgate.web.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change that ends in a redirect (POST-redirect-GET: a reload repeats the GET, not the change) tells the
 * operator on the page it leads to: kept in the session from the post until that page is rendered, then dropped.
 * Never a secret (those are shown in the post's own answer: {@link FormTokens}). Faces' flash scope would do the
 * same but is off (web.xml).
 */
@Named
@SessionScoped
public class ConsoleNotices implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> pending = new ArrayList<>();

    /** For the next page rendered. */
    public synchronized void carry(String text) {
        pending.add(text);
    }

    /** After a change that shows no secret: the notice for the next page, and the redirect to it (post-redirect-get). */
    public String redirect(String view, String orgId, String notice) {
        carry(notice);
        return ConsoleForms.redirect(view, orgId);
    }

    /** Before a page is rendered (the layout's preRenderView): the carried notices become its messages. */
    public void show() {
        List<String> now;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            now = List.copyOf(pending);
            pending.clear();
        }
        FacesContext context = FacesContext.getCurrentInstance();
        now.forEach(t -> context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, t, null)));
    }
}
