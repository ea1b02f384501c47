package io.certgate.web.console;

import io.certgate.domain.access.AuditRecord;
import io.certgate.ejb.access.AuditQuery;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
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
import java.util.Optional;

/**
 * The organization's audit trail, newest first, a page at a time, filtered by actor and action (substrings) and a
 * period ({@code from} inclusive, {@code to} exclusive; times as a browser's date-time field sends them, in UTC).
 * The filter form is a GET: a filtered view is a link.
 */
@Named
@RequestScoped
public class AuditPage {

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
    private Integer offset = 0;
    private Page<AuditRecord> page;

    public void load() {
        if (!organization.isChosen() || FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        Optional<Instant> start = time("From", from);
        Optional<Instant> end = time("To", to);
        if ((from != null && start.isEmpty()) || (to != null && end.isEmpty())) {
            return;
        }
        messages.attempt("Reading the audit trail", () -> audit.search(guard.reading(organization.getId()),
                new AuditQuery(actor, action, start.orElse(null), end.orElse(null), new PageRequest(offset, PAGE))))
                .ifPresent(p -> page = p);
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

    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    public boolean isMore() {
        return page != null && page.hasMore();
    }

    public Integer getPreviousOffset() {
        return ConsoleForms.previousOffset(offset, PAGE);
    }

    public Integer getNextOffset() {
        return offset + PAGE;
    }

    public String getActor() { return actor; }
    public void setActor(String v) { actor = ConsoleForms.trimmed(v); }
    public String getAction() { return action; }
    public void setAction(String v) { action = ConsoleForms.trimmed(v); }
    public String getFrom() { return from; }
    public void setFrom(String v) { from = ConsoleForms.trimmed(v); }
    public String getTo() { return to; }
    public void setTo(String v) { to = ConsoleForms.trimmed(v); }
    public Integer getOffset() { return offset; }
    public void setOffset(Integer v) { offset = v == null ? 0 : v; }

}
