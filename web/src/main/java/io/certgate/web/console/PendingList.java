package io.certgate.web.console;

import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.SortColumn;
import java.util.List;
import java.util.Map;

/**
 * One of the pending page's lists (device self-enrollments, CertManager transactions, DigiCert requests) as every
 * console list pages, orders and exports ({@link ConsoleList}), with its parameters prefixed so that the three
 * live on one page: the kind of request it lists, its default order (oldest first) and the page the EJB answered.
 */
public final class PendingList<C extends Enum<C> & SortColumn, T> extends ConsoleList<C> {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 25;

    private final String kind;
    private final ListOrder<C> oldest;
    private String org;
    private transient Page<T> page;

    PendingList(Class<C> columns, String prefix, String kind, C oldestFirst) {
        super(columns, PAGE, prefix);
        this.kind = kind;
        this.oldest = new ListOrder<>(oldestFirst, false);
    }

    /** What the EJB answered for the organization. */
    void show(String organization, Page<T> found) {
        org = organization;
        page = found;
    }

    public List<T> getRows() {
        return page == null ? List.of() : page.items();
    }

    /** The kind of request, as the CSV export names it. */
    public String getKind() {
        return kind;
    }

    @Override
    protected ListOrder<C> defaultOrder() {
        return oldest;
    }

    @Override
    protected Map<String, String> filter() {
        return named("org", org, "kind", kind);
    }

    @Override
    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    @Override
    protected int shown() {
        return getRows().size();
    }
}
