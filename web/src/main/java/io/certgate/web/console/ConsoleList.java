package io.certgate.web.console;

import io.certgate.ejb.common.ListOrder;
import io.certgate.ejb.common.PageRequest;
import io.certgate.ejb.common.SortColumn;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every console list shares, whatever it lists: an order by a column ({@link ListOrder}, read from
 * {@code sort}; a header's link asks for its column, the other way round when it is the current one), a page size
 * from {@link #SIZES}, a page chosen by number ({@code page}) or offset, and the filter carried by links, the jump
 * to a page and the CSV export ({@link #getCarried}, {@link #getExportQuery}). The lists' beans say what they list:
 * their columns, their default order, their filter and what the search found. Several lists on one page name their
 * parameters with a prefix each ({@code tsort}, {@code tsize}, {@code tpage}).
 */
public abstract class ConsoleList<C extends Enum<C> & SortColumn> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The page sizes offered; anything else is refused. */
    static final List<Integer> SIZES = List.of(10, 25, 50, 100, 200);

    private final Class<C> columns;
    private final int defaultSize;
    private final String prefix;
    private String sort;
    private Integer size;
    private Integer pageNumber;
    private Integer offset = 0;

    protected ConsoleList(Class<C> columns, int defaultSize) {
        this(columns, defaultSize, "");
    }

    protected ConsoleList(Class<C> columns, int defaultSize, String prefix) {
        this.columns = columns;
        this.defaultSize = defaultSize;
        this.size = defaultSize;
        this.prefix = prefix;
    }

    /** The order when the link names none. */
    protected abstract ListOrder<C> defaultOrder();

    /** The filter's parameters as links carry them (the organization first), nulls for the unset ones. */
    protected abstract Map<String, String> filter();

    /** How many rows match in all; 0 before a search. */
    public abstract long getTotal();

    /** How many rows the current page shows. */
    protected abstract int shown();

    /**
     * Whether the page size is one offered (otherwise the page says so, naming {@code what}), then the offset of the
     * page asked for by number.
     */
    protected boolean paged(ConsoleMessages messages, String what) {
        if (!SIZES.contains(size)) {
            messages.error(what + ": Rows per page must be one of " + SIZES + ".");
            return false;
        }
        if (pageNumber != null) {
            offset = Math.max(0, pageNumber - 1) * size;
        }
        return true;
    }

    /** The page asked for, as the business layer takes it. */
    protected PageRequest pageRequest() {
        return new PageRequest(offset, size);
    }

    /** The order asked for, or the default; an unknown column is the rules' refusal (the search reports it). */
    protected ListOrder<C> order() {
        ListOrder<C> o = ListOrder.parse(columns, sort);
        return o == null ? defaultOrder() : o;
    }

    /** The order the link asks for (a malformed sort is reported by the search; the headers then offer the default). */
    private ListOrder<C> currentOrder() {
        try {
            return order();
        } catch (RuntimeException e) {
            return defaultOrder();
        }
    }

    /** The order a column's header link asks for: that column, the other way round when it is the current one. */
    public String sortBy(String column) {
        ListOrder<C> current = currentOrder();
        return current.column() == ListOrder.parse(columns, column).column() ? current.reversed().toString() : column;
    }

    /** ▲ or ▼ beside the column the rows are ordered by. */
    public String arrow(String column) {
        ListOrder<C> current = currentOrder();
        return current.column() == ListOrder.parse(columns, column).column() ? (current.descending() ? " ▼" : " ▲") : "";
    }

    public boolean isMore() {
        return offset + shown() < getTotal();
    }

    public int getCurrentPage() {
        return offset / size + 1;
    }

    public long getPages() {
        return Math.max(1, (getTotal() + size - 1) / size);
    }

    /** The filter, the order and the page size: what the jump to a page sends again. */
    public List<Map.Entry<String, String>> getCarried() {
        Map<String, String> carried = new LinkedHashMap<>(filter());
        carried.put(prefix + "sort", sort);
        carried.put(prefix + "size", String.valueOf(size));
        return carried.entrySet().stream().filter(e -> e.getValue() != null).toList();
    }

    /** The filter and the order as a query string: the CSV export of what the list shows, in its order. */
    public String getExportQuery() {
        Map<String, String> exported = new LinkedHashMap<>(filter());
        exported.put("sort", sort);
        return exported.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A filter's parameters from name, value, name, value, ...: what {@link #filter} answers. */
    protected static Map<String, String> named(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** What this list's parameters start with (empty when it is the page's only list). */
    public String getPrefix() {
        return prefix;
    }

    public List<Integer> getSizes() {
        return SIZES;
    }

    public String getSort() { return sort; }
    public void setSort(String v) { sort = ConsoleForms.trimmed(v); }
    public Integer getSize() { return size; }
    public void setSize(Integer v) { size = v == null ? defaultSize : v; }
    public Integer getPageNumber() { return pageNumber; }
    public void setPageNumber(Integer v) { pageNumber = v; }
    public Integer getOffset() { return offset; }
    public void setOffset(Integer v) { offset = v == null ? 0 : v; }
}
