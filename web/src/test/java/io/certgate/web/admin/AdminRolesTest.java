package io.certgate.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.access.OperatorRole;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, read off the admin API's resources: every endpoint names its roles; GETs are open to the
 * three operator roles, decisions on pending requests to admin and approver, every other change to admin only.
 */
class AdminRolesTest {

    static final List<Class<?>> RESOURCES = List.of(AdminResource.class, CertificateAdminResource.class,
            CredentialAdminResource.class, OperatorAdminResource.class, OrganizationAdminResource.class,
            AuthorityAdminResource.class, AcmeAdminResource.class);
    static final Set<String> READERS = Set.of("admin", "approver", "auditor");
    static final Set<String> DECIDERS = Set.of("admin", "approver");
    static final Set<String> ADMINS = Set.of("admin");
    /** The endpoints that decide a pending request (CertManager transaction, DigiCert request, self-enrollment). */
    static final Set<String> DECISIONS = Set.of("AdminResource.decide", "AdminResource.decideDigiCertRequest",
            "AdminResource.decideSelfEnrollment");

    record Endpoint(String name, String httpMethod, Set<String> roles) {
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Class<?> c : RESOURCES) {
            for (Method m : c.getDeclaredMethods()) {
                String http = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (http == null) {
                    continue;
                }
                RolesAllowed r = m.getAnnotation(RolesAllowed.class);
                String name = c.getSimpleName() + "." + m.getName();
                assertNotNull(r, name + " names no roles");
                out.add(new Endpoint(name, http, Set.of(r.value())));
            }
        }
        return out;
    }

    @Test
    void readsAreForEveryRoleDecisionsForApproversTooEverythingElseForAdmins() {
        List<Endpoint> all = endpoints();
        assertTrue(all.size() >= 25, "found " + all.size() + " endpoints");
        for (Endpoint e : all) {
            Set<String> expected = e.httpMethod().equals("GET") ? READERS
                    : DECISIONS.contains(e.name()) ? DECIDERS : ADMINS;
            assertEquals(expected, e.roles(), e.name() + " (" + e.httpMethod() + ")");
        }
        List<String> decisions = all.stream().filter(e -> e.roles().equals(DECIDERS)).map(Endpoint::name).toList();
        assertEquals(new TreeSet<>(DECISIONS), new TreeSet<>(decisions), "every decision endpoint is found");
    }

    @Test
    void anAuditorChangesNothing() {
        for (Endpoint e : endpoints()) {
            if (!e.httpMethod().equals("GET")) {
                assertFalse(e.roles().contains("auditor"), e.name());
            }
        }
    }

    @Test
    void aMethodWithoutRolesWouldBeAdminOnly() {
        for (Class<?> c : RESOURCES) {
            assertEquals(List.of("admin"), Arrays.asList(c.getAnnotation(RolesAllowed.class).value()), c.getName());
        }
    }

    @Test
    void everyAdminResourceIsChecked() throws Exception {
        // each class of this package that is a JAX-RS resource is in RESOURCES
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of("src/main/java/io/certgate/web/admin"))) {
            for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) { // not admin/schema
                String name = f.getFileName().toString().replace(".java", "");
                if (Files.readString(f).contains("\n@Path(")) {
                    assertTrue(RESOURCES.stream().anyMatch(c -> c.getSimpleName().equals(name)), name);
                }
            }
        }
        for (Class<?> c : RESOURCES) {
            assertTrue(c.getAnnotation(Path.class).value().startsWith("admin/api"), c.getName());
        }
    }

    @Test
    void theRolesAreTheOperatorRolesAndAreDeclared() throws Exception {
        assertEquals(List.of(AdminRoles.ADMIN, AdminRoles.APPROVER, AdminRoles.AUDITOR),
                Arrays.stream(OperatorRole.values()).map(OperatorRole::roleName).toList());
        assertEquals(READERS, Set.of(AdminSecurity.class.getAnnotation(DeclareRoles.class).value()));
        String webXml = Files.readString(java.nio.file.Path.of("src/main/webapp/WEB-INF/web.xml"));
        for (String role : READERS) {
            assertTrue(webXml.contains("<role-name>" + role + "</role-name>"), role);
        }
    }
}
