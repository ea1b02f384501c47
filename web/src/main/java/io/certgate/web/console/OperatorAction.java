package io.certgate.web.console;

/** What an operator does in the console: what {@link ConsoleGuard} decides per operator role. */
public enum OperatorAction {

    /** Read an organization's data or the server's (every page). */
    READ("read"),
    /** Change anything else: products, devices, approval settings, revocations, credentials, RA accounts, operators. */
    ADMINISTER("change products, devices, certificates, credentials or operators"),
    /** Approve or reject a pending request (CertManager, DigiCert, device self-enrollment). */
    DECIDE("approve or reject requests");

    private final String description;

    OperatorAction(String description) {
        this.description = description;
    }

    /** For the refusal: "may not ...". */
    public String description() {
        return description;
    }
}
