package io.certgate.ejb.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.access.AdminUser;
import io.certgate.domain.access.OperatorRole;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Only enabled admins with a server password hash reach Liberty's registry and administrator role. */
class AdminCenterRegistryTest {

    static AdminUser operator(String name, OperatorRole role, String serverHash, boolean enabled) {
        AdminUser u = new AdminUser(name, "pbkdf2", serverHash, role, Instant.EPOCH);
        if (!enabled) {
            u.disable();
        }
        return u;
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void theEnabledAdminsWithAServerHashAndNobodyElse() throws Exception {
        List<AdminUser> all = List.of(
                operator("zoe", OperatorRole.ADMIN, "{hash}Zz==", true),
                operator("admin", OperatorRole.ADMIN, "{hash}AA==", true),
                operator("gone", OperatorRole.ADMIN, "{hash}GG==", false),
                operator("old", OperatorRole.ADMIN, null, true),
                operator("ann", OperatorRole.APPROVER, "{hash}BB==", true),
                operator("aud", OperatorRole.AUDITOR, "{hash}CC==", true));
        Document d = parse(AdminCenterRegistry.render(all));
        Element registry = (Element) d.getElementsByTagName("basicRegistry").item(0);
        assertEquals(AdminCenterRegistry.REGISTRY_ID, registry.getAttribute("id"));
        NodeList users = registry.getElementsByTagName("user");
        assertEquals(2, users.getLength());
        assertEquals("admin", ((Element) users.item(0)).getAttribute("name"));
        assertEquals("{hash}AA==", ((Element) users.item(0)).getAttribute("password"));
        assertEquals("zoe", ((Element) users.item(1)).getAttribute("name"));
        Element role = (Element) d.getElementsByTagName("administrator-role").item(0);
        assertEquals(List.of("admin", "zoe"), texts(role.getElementsByTagName("user")));
        assertEquals(0, d.getElementsByTagName("reader-role").getLength(), "no reader role: auditors stay out");
    }

    @Test
    void withoutAdminsThereIsNoRegistryAtAll() throws Exception {
        String xml = AdminCenterRegistry.render(List.of(operator("aud", OperatorRole.AUDITOR, "{hash}CC==", true)));
        Document d = parse(xml);
        assertEquals("server", d.getDocumentElement().getTagName());
        assertEquals(0, d.getElementsByTagName("basicRegistry").getLength());
        assertEquals(0, d.getElementsByTagName("administrator-role").getLength());
    }

    @Test
    void markupInValuesIsEscapedAndCommentsStayValid() throws Exception {
        String xml = AdminCenterRegistry.render(List.of(operator("a&b", OperatorRole.ADMIN, "{hash}\"<x>'", true)));
        Element user = (Element) parse(xml).getElementsByTagName("user").item(0);
        assertEquals("a&b", user.getAttribute("name"));
        assertEquals("{hash}\"<x>'", user.getAttribute("password"));
        // Liberty ignores the whole server.xml after a comment with a double hyphen in it
        String comment = xml.substring(xml.indexOf("<!--") + 4, xml.indexOf("-->"));
        assertFalse(comment.contains("--"), comment);
        assertTrue(AdminCenterRegistry.render(List.of()).equals(AdminCenterRegistry.render(List.of())), "stable");
    }
}
