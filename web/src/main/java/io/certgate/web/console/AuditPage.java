package io.certgate.web.console;

import io.certgate.domain.access.AuditRecord;
import io.certgate.ejb.access.AuditColumn;
import io.certgate.ejb.access.AuditQuery;
import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.common.Page;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organization's audit trail, filtered by actor and action (substrings) and a period ({@code from} inclusive,
 * {@code to} exclusive; times as a browser's date-time field sends them, in UTC), newest first or in a column's
 * order (the record's id breaking ties), a page of a chosen size at a time, with a jump to any page, and its CSV
 * export ({@link ConsoleDownloads}), as the certificate list does ({@link ConsoleList}). The filter form is a GET: a
 * filtered view is a link.
 */
@Named
@RequestScoped
public class AuditPage extends ConsoleList<AuditColumn> {

    static final int PAGE = 50;

    @EJB
    private AuditTrail audit;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private String actor;
    private String action;
    private String from;
    private String to;
    private Page<AuditRecord> page;

    public AuditPage() {
        super(AuditColumn.class, PAGE);
    }

    public void load() {
        if (!organization.isChosen() || FacesContext.getCurrentInstance().isValidationFailed()
                || !paged(messages, "Reading the audit trail")) {
            return;
        }
        Optional<Instant> start = time("From", from);
        Optional<Instant> end = time("To", to);
        if ((from != null && start.isEmpty()) || (to != null && end.isEmpty())) {
            return;
        }
        messages.attempt("Reading the audit trail", () -> audit.search(guard.reading(organization.getId()),
                new AuditQuery(actor, action, start.orElse(null), end.orElse(null), pageRequest(),
                order()))).ifPresent(p -> page = p);
    }

    @Override
    protected ListOrder<AuditColumn> defaultOrder() {
        return AuditColumn.NEWEST;
    }

    @Override
    protected Map<String, String> filter() {
        return named("org", organization.getId(), "actor", actor, "action", action, "from", from, "to", to);
    }

    @Override
    protected int shown() {
        return getRecords().size();
    }

    /** A date-time field's value ({@code 2026-11-01T10:15}, seconds optional) as an instant in UTC. */
    private Optional<Instant> time(String label, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            messages.error(label + " must be a date and time such as 2026-11-01T10:15 (UTC).");
            return Optional.empty();
        }
    }

    public List<AuditRecord> getRecords() {
        return page == null ? List.of() : page.items();
    }

    /** A record's target in pieces, its certSns and assetIds linked ({@link AuditTargets}). */
    public List<AuditTargets.Piece> target(String target) {
        return AuditTargets.of(target);
    }

    public boolean isSearched() {
        return page != null;
    }

    @Override
    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    public String getActor() { return actor; }
    public void setActor(String v) { actor = ConsoleForms.trimmed(v); }
    public String getAction() { return action; }
    public void setAction(String v) { action = ConsoleForms.trimmed(v); }
    public String getFrom() { return from; }
    public void setFrom(String v) { from = ConsoleForms.trimmed(v); }
    public String getTo() { return to; }
    public void setTo(String v) { to = ConsoleForms.trimmed(v); }

}
