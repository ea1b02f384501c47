package io.certgate.web.console;

import io.certgate.ejb.access.AdminUsers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The changes of the operators page, through the admin API's EJB (its rules: names, roles, never no enabled admin).
 * A new operator's password and a rotated one are shown in this post's answer only, guarded against a reload by the
 * form's one-shot token ({@link FormTokens}); a new role and a disabled or enabled operator redirect
 * (POST-redirect-GET). A role change takes two posts: the first names it ({@link #reviewRoleChange}), the second
 * makes it.
 */
@Named
@RequestScoped
public class OperatorActions {

    static final String VIEW = "/operators.xhtml";

    @EJB
    private AdminUsers operators;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    @Inject
    private ConsoleNotices notices;

    @Inject
    private FormTokens tokens;

    private String name;
    private String role = "auditor";
    private String roleOf;
    private String newRole;

    /** Shown once, in this answer only. */
    private AdminUsers.WithPassword password;

    public void create() {
        String n = ConsoleForms.trimmed(name);
        tokens.once(messages, "Creating operator " + n, () -> operators.create(guard.server(OperatorAction.ADMINISTER), n,
                role)).ifPresent(made -> {
                    password = made;
                    messages.done("Operator " + made.operator().getUsername() + " created with the role "
                            + made.operator().getRole().roleName() + ". Copy the password now: it is shown only this "
                            + "once.");
                    name = null;
                });
    }

    public void rotatePassword(String operator) {
        tokens.once(messages, "Giving operator " + operator + " a new password", () -> operators.rotatePassword(
                guard.server(OperatorAction.ADMINISTER), operator)).ifPresent(rotated -> {
                    password = rotated;
                    keepOwnSession(operator);
                    messages.done("Operator " + operator + " has a new password; the old one no longer works. Copy "
                            + "it now: it is shown only this once.");
                });
    }

    /** An operator who gave itself a new password goes on in this session; its other sessions end. */
    private void keepOwnSession(String operator) {
        java.util.Map<String, Object> session = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext().getSessionMap();
        if (session.get(ConsoleSession.KEY) instanceof ConsoleSession own && own.operator().equals(operator)) {
            operators.credentialStamp(operator).ifPresent(own::restamp);
            session.put(ConsoleSession.KEY, own);
        }
    }

    /** The operator whose role change waits for confirmation (the first step of the form), or null. */
    private io.certgate.domain.access.AdminUser reviewed;

    /**
     * The first step of a role change: names the operator, its role now and the new one, and asks once more; nothing
     * changes yet. The rules (not oneself, not the last admin) are checked by the change itself.
     */
    public void reviewRoleChange() {
        String n = ConsoleForms.trimmed(roleOf);
        messages.attempt("Changing the role of operator " + n, () -> {
            guard.server(OperatorAction.ADMINISTER);
            io.certgate.ejb.access.OperatorRules.role(newRole);
            return enabled(n).orElseThrow(() -> new io.certgate.ejb.access.UnknownOperatorException(n));
        }).ifPresent(u -> reviewed = u);
    }

    private java.util.Optional<io.certgate.domain.access.AdminUser> enabled(String name) {
        return operators.list().stream().filter(u -> u.getUsername().equals(name) && u.isEnabled()).findFirst();
    }

    public io.certgate.domain.access.AdminUser getReviewed() {
        return reviewed;
    }

    /** The second step; refused, the page shows the step again under the refusal. */
    public String changeRole() {
        String n = ConsoleForms.trimmed(roleOf);
        String done = messages.attempt("Changing the role of operator " + n, () -> operators.changeRole(
                guard.server(OperatorAction.ADMINISTER), n, newRole))
                .map(u -> redirect("Operator " + u.getUsername() + " now has the role " + u.getRole().roleName()
                        + "."))
                .orElse(null);
        if (done == null) {
            reviewed = enabled(n).orElse(null);
        }
        return done;
    }

    public String disable(String operator) {
        return messages.attempt("Disabling operator " + operator, () -> operators.disable(
                guard.server(OperatorAction.ADMINISTER), operator))
                .map(u -> redirect("Operator " + u.getUsername() + " disabled: it can no longer sign in."))
                .orElse(null);
    }

    public String enable(String operator) {
        return messages.attempt("Enabling operator " + operator, () -> operators.enable(
                guard.server(OperatorAction.ADMINISTER), operator))
                .map(u -> redirect("Operator " + u.getUsername() + " enabled: it signs in again with its password and "
                        + "role."))
                .orElse(null);
    }

    private String redirect(String notice) {
        return notices.redirect(VIEW, null, notice);
    }

    public AdminUsers.WithPassword getPassword() {
        return password;
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public String getRoleOf() { return roleOf; }
    public void setRoleOf(String v) { roleOf = v; }
    public String getNewRole() { return newRole; }
    public void setNewRole(String v) { newRole = v; }
}
