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

    /**
     * The rows a post ticked (or names again in a confirmation step): the whole numbers of the request parameter,
     * each once, in the order sent; empty, with the reason on the page, when one is not a whole number.
     */
    static java.util.Optional<java.util.List<Long>> ticked(ConsoleMessages messages, String what, String parameter) {
        String[] values = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterValuesMap().getOrDefault(parameter, new String[0]);
        try {
            return java.util.Optional.of(java.util.Arrays.stream(values).map(String::trim).map(Long::valueOf)
                    .distinct().toList());
        } catch (NumberFormatException e) {
            messages.error(what + ": each row is named by its number, a whole number.");
            return java.util.Optional.empty();
        }
    }

    /** The rows a post ticked that are named by text (a CertManager transaction id): each once, in the order sent. */
    static java.util.List<String> tickedTexts(String parameter) {
        String[] values = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterValuesMap().getOrDefault(parameter, new String[0]);
        return java.util.Arrays.stream(values).map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** The offset of the page before, never below the first. */
    static int previousOffset(int offset, int pageSize) {
        return Math.max(0, offset - pageSize);
    }
}
