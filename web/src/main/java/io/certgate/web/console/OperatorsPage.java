package io.certgate.web.console;

import io.certgate.domain.access.AdminUser;
import io.certgate.domain.access.AuditRecord;
import io.certgate.domain.access.OperatorRole;
import io.certgate.ejb.access.AdminUsers;
import io.certgate.ejb.access.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The server's operators (they belong to no organization) by name, with their role and whether they may sign in,
 * and the newest changes to them from the audit trail. View-scoped: a row's button acts on the row that was shown.
 */
@Named
@ViewScoped
public class OperatorsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int CHANGES = 20;

    @EJB
    private AdminUsers operators;

    @EJB
    private AuditTrail audit;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private transient List<AdminUser> list = List.of();
    private transient List<AuditRecord> changes = List.of();

    public void load() {
        messages.attempt("Listing the operators", () -> {
            guard.server(OperatorAction.READ);
            return operators.list();
        }).ifPresent(l -> list = l);
        messages.attempt("Reading the operator changes", () -> {
            guard.server(OperatorAction.READ);
            return audit.recentOperatorChanges(CHANGES);
        }).ifPresent(c -> changes = c);
    }

    public List<AdminUser> getOperators() {
        return list == null ? List.of() : list;
    }

    /** The enabled ones: those whose role or password can still change. */
    public List<AdminUser> getEnabledOperators() {
        return getOperators().stream().filter(AdminUser::isEnabled).toList();
    }

    public List<AuditRecord> getChanges() {
        return changes == null ? List.of() : changes;
    }

    /** admin, approver, auditor. */
    public List<String> getRoles() {
        return Arrays.stream(OperatorRole.values()).map(OperatorRole::roleName).toList();
    }
}
