package io.certgate.web.console;

import io.certgate.domain.access.Caller;
import io.certgate.domain.acme.AcmeAccount;
import io.certgate.ejb.acme.AcmeAccounts;
import io.certgate.ejb.acme.AcmeActivity;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The organization's ACME accounts and its orders, newest first, a page at a time, with their authorizations. */
@Named
@RequestScoped
public class AcmePage {

    static final int PAGE = 20;

    @EJB
    private AcmeAccounts accounts;

    @EJB
    private AcmeActivity activity;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private Integer offset = 0;
    private List<AcmeAccount> accountList = List.of();
    private Page<AcmeActivity.OrderRecord> page;

    public void load() {
        if (!organization.isChosen() || FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        messages.attempt("Reading the ACME accounts and orders", () -> {
            Caller reader = guard.reading(organization.getId());
            accountList = accounts.accounts(reader);
            return activity.orders(reader, new PageRequest(offset, PAGE));
        }).ifPresent(p -> page = p);
    }

    public List<AcmeAccount> getAccounts() {
        return accountList;
    }

    /** The page of orders read, or null (no organization, or refused). */
    public Page<AcmeActivity.OrderRecord> getPage() {
        return page;
    }

    public Integer getPreviousOffset() {
        return ConsoleForms.previousOffset(offset, PAGE);
    }

    public Integer getNextOffset() {
        return offset + PAGE;
    }

    public Integer getOffset() { return offset; }
    public void setOffset(Integer v) { offset = v == null ? 0 : v; }
}
