package io.certgate.ejb.access;

import io.certgate.domain.access.AdminUser;
import io.certgate.domain.access.OperatorRole;
import java.util.Comparator;
import java.util.List;

/**
 * The Liberty configuration that lets operators sign in to Liberty's Admin Center: a basic user registry of the
 * enabled admins whose password Liberty can check ({@code {hash}}), all of them in the administrator role. Approvers,
 * auditors, disabled operators and operators without such a hash are not in it, so Liberty does not know them.
 */
final class AdminCenterRegistry {

    static final String REGISTRY_ID = "certgateOperators";
    static final String REALM = "certgate operators";

    private AdminCenterRegistry() {
    }

    /** The enabled admins with a server password hash, by name. */
    static List<AdminUser> admins(List<AdminUser> operators) {
        return operators.stream().filter(AdminUser::isEnabled)
                .filter(u -> u.getRole() == OperatorRole.ADMIN)
                .filter(u -> u.getServerPasswordHash() != null && !u.getServerPasswordHash().isBlank())
                .sorted(Comparator.comparing(AdminUser::getUsername)).toList();
    }

    /** The configuration file's text (a Liberty server.xml fragment); no registry at all when there is no admin. */
    static String render(List<AdminUser> operators) {
        List<AdminUser> admins = admins(operators);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Written by certgate from its operators (CG_ADMIN_USER): the enabled admins may sign in to\n")
                .append("     Liberty's Admin Center. Rewritten at start, after every operator change and every 30 s:\n")
                .append("     edits here are lost. -->\n<server>\n");
        if (!admins.isEmpty()) {
            b.append("  <basicRegistry id=\"").append(REGISTRY_ID).append("\" realm=\"").append(REALM).append("\">\n");
            for (AdminUser u : admins) {
                b.append("    <user name=\"").append(xml(u.getUsername())).append("\" password=\"")
                        .append(xml(u.getServerPasswordHash())).append("\"/>\n");
            }
            b.append("  </basicRegistry>\n  <administrator-role>\n");
            for (AdminUser u : admins) {
                b.append("    <user>").append(xml(u.getUsername())).append("</user>\n");
            }
            b.append("  </administrator-role>\n");
        }
        return b.append("</server>\n").toString();
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
