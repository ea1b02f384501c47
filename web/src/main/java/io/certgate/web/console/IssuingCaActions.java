package io.certgate.web.console;

import io.certgate.ejb.ca.IssuingCaAdministration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The changes of the CAs page: a new generation of an issuing CA (rollover), audited as the admin API's; a new CRL
 * of every CA whose key is here, now ({@link io.certgate.ejb.ca.CrlPublisher#publishNow}, audited per CRL).
 */
@Named
@RequestScoped
public class IssuingCaActions {

    @EJB
    private IssuingCaAdministration administration;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    @Inject
    private FormTokens tokens;

    @EJB
    private io.certgate.ejb.ca.CrlPublisher crls;

    /** The next CRL of every CA whose key is here, signed now (a reload only signs another: no token needed). */
    public void publishCrls() {
        messages.attempt("Publishing CRLs", () -> crls.publishNow(guard.server(OperatorAction.ADMINISTER)))
                .ifPresent(numbers -> messages.done(numbers.size() + " CRL(s) published now"
                        + numbers.entrySet().stream().filter(e -> e.getKey().startsWith("root:"))
                        .map(e -> e.getKey().substring(5) + " root CRL number " + e.getValue())
                        .reduce((x, y) -> x + ", " + y).map(t -> ": " + t).orElse("") + "."));
    }

    /** A new generation of the scope and algorithm of that issuing CA, signing their new leaves from now. */
    public void rollover(String scope, String authority) {
        io.certgate.domain.ca.IssueAuthority a = io.certgate.domain.ca.IssueAuthority.parse(authority).orElse(null);
        if (a == null || scope == null || scope.isBlank()) {
            messages.error("Rolling over: no issuing CA named.");
            return;
        }
        if (!tokens.use(messages, "Rolling over")) { // a reload must not make a second generation
            return;
        }
        messages.attempt("Rolling over the " + a + " issuing CA of " + scope, () -> administration.rollover(
                guard.server(OperatorAction.ADMINISTER), scope, a, null))
                .ifPresent(c -> messages.done("Issuing CA " + c.getId() + " (" + scope + ", " + a + ", generation "
                        + c.getGeneration() + ") " + (c.getCertPem() != null
                        ? "signs the new leaves from now on; the older generation keeps its CRL and OCSP."
                        : "waits for the root ceremony to sign its CSR (the root is offline).")));
    }
}
