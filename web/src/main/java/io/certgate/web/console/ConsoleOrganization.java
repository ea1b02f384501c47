package io.certgate.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The organization a console page works on: the {@code org} parameter of every page (links carry it), kept for the
 * postbacks of the page's forms. Blank is none: the page then asks for one.
 */
@Named("organization")
@ViewScoped
public class ConsoleOrganization implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id == null || id.isBlank() ? null : id.trim();
    }

    public boolean isChosen() {
        return id != null;
    }
}
