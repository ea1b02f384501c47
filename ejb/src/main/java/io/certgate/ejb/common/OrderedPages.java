package io.certgate.ejb.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/**
 * One page of the rows a JPQL condition selects, in an order that ends with a unique key ({@link ListOrder#jpql}),
 * and how many there are in all: every list an operator pages through. The condition holds named parameters only;
 * no value is ever part of the JPQL text.
 */
public final class OrderedPages {

    private OrderedPages() {
    }

    /**
     * @param alias the entity's alias in {@code where} and {@code orderBy}
     * @param where {@code " WHERE e.orgId = :orgId ..."}
     * @param orderBy {@code " ORDER BY ..."}
     */
    public static <T> Page<T> of(EntityManager em, Class<T> type, String alias, String where,
                                 Map<String, Object> parameters, String orderBy, PageRequest page) {
        String from = " FROM " + type.getSimpleName() + " " + alias + where;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
        TypedQuery<T> select = em.createQuery("SELECT " + alias + from + orderBy, type);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        return new Page<>(total, page, total <= page.offset() ? List.of()
                : select.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList());
    }

    /**
     * One page of an organization's rows in a status (its pending requests, say): {@code alias.orgId} and
     * {@code alias.status} match, in the order asked for or else the default, the unique key breaking ties.
     */
    public static <T, C extends Enum<C> & SortColumn> Page<T> inStatus(EntityManager em, Class<T> type, String alias,
            String orgId, Object status, ListOrder<C> order, ListOrder<C> byDefault, String unique, PageRequest page) {
        return of(em, type, alias, " WHERE " + alias + ".orgId = :orgId AND " + alias + ".status = :status",
                Map.of("orgId", orgId, "status", status), (order == null ? byDefault : order).jpql(unique), page);
    }
}
