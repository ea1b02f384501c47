package io.certgate.web.console;

/** What every console form does with what the operator typed, and how its pages step back and forth. */
final class ConsoleForms {

    private ConsoleForms() {
    }

    /** A typed value without surrounding blanks; nothing typed is no filter (null). */
    static String trimmed(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * The outcome that redirects to the view (POST-redirect-GET) for the organization; org is a valid identifier
     * once a change went through, so it needs no encoding.
     */
    static String redirect(String view, String org) {
        return view + "?faces-redirect=true" + (org == null ? "" : "&org=" + org);
    }

    /** The offset of the page before, never below the first. */
    static int previousOffset(int offset, int pageSize) {
        return Math.max(0, offset - pageSize);
    }
}
