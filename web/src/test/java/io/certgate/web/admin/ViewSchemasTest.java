package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * Every component of the admin API's view records carries {@code @Schema}: Liberty's OpenAPI scanner documents a
 * record's private fields only when they are annotated (record accessors are no getters to it), so a component
 * without one would be sent but missing from /openapi.
 */
class ViewSchemasTest {

    static List<Class<?>> views() {
        List<Class<?>> all = new ArrayList<>(List.of(OrganizationSummary.class));
        for (Class<?> holder : List.of(CatalogViews.class, PendingViews.class, AuditViews.class, AuthorityViews.class)) {
            for (Class<?> c : holder.getDeclaredClasses()) {
                if (c.isRecord()) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    @Test
    void everyComponentOfEveryViewIsDocumented() throws Exception {
        List<Class<?>> views = views();
        assertTrue(views.size() >= 16, "found " + views.size());
        for (Class<?> view : views) {
            assertTrue(view.isAnnotationPresent(Schema.class), view.getSimpleName());
            for (RecordComponent c : view.getRecordComponents()) {
                assertTrue(view.getDeclaredField(c.getName()).isAnnotationPresent(Schema.class),
                        view.getSimpleName() + "." + c.getName());
            }
        }
    }
}
