package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.NamePolicyEntry;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.ca.tls.ServerTlsNames;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The organizations' name policies and the check every issuance passes before it is signed ({@link NameRules}):
 * the server's own names, other organizations' names, the organization's own policy, and a device subject that
 * names another organization ({@code O=}) or another organization's device ({@code CN=} its device key). The
 * server's own organization (its HTTPS certificate, from the infrastructure CA) is the one exception.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class NamePolicies {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    /** An organization's policy (empty lists: no policy of that kind). */
    public NameRules.Policy of(String orgId) {
        return policy(em.createQuery("SELECT e FROM NamePolicyEntry e WHERE e.orgId = :org ORDER BY e.id",
                NamePolicyEntry.class).setParameter("org", orgId).getResultList());
    }

    /** Replaces an organization's policy (an operator's change, audited); entries are checked and kept lower case. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public NameRules.Policy replace(Caller operator, String orgId, NameRules.Policy policy) {
        if (operator == null) {
            throw new io.certgate.domain.access.CallerRequiredException();
        }
        Caller.requireCredentialOrganization(orgId);
        List<NamePolicyEntry> entries = new ArrayList<>();
        Instant now = Instant.now();
        for (String v : distinct(policy.dnsSuffixes(), NamePolicyEntry.Kind.DNS)) {
            entries.add(new NamePolicyEntry(orgId, NamePolicyEntry.Kind.DNS, v, now));
        }
        for (String v : distinct(policy.emailDomains(), NamePolicyEntry.Kind.EMAIL)) {
            entries.add(new NamePolicyEntry(orgId, NamePolicyEntry.Kind.EMAIL, v, now));
        }
        for (String v : distinct(policy.ipRanges(), NamePolicyEntry.Kind.IP)) {
            entries.add(new NamePolicyEntry(orgId, NamePolicyEntry.Kind.IP, v, now));
        }
        em.createQuery("DELETE FROM NamePolicyEntry e WHERE e.orgId = :org").setParameter("org", orgId).executeUpdate();
        entries.forEach(em::persist);
        em.flush();
        NameRules.Policy saved = policy(entries);
        audit.record(operator.actingFor(orgId), "name-policy.replace", "org=" + orgId, "dns " + saved.dnsSuffixes()
                + ", email " + saved.emailDomains() + ", ip " + saved.ipRanges());
        return saved;
    }

    private static Set<String> distinct(List<String> values, NamePolicyEntry.Kind kind) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(NameRules.normalizeEntry(kind, v));
        }
        return out;
    }

    /**
     * The names the certificate will carry (IP literals asked as DNS names become IP addresses), or
     * {@link NameNotAllowedException} with nothing issued.
     */
    public NameRules.Names check(String orgId, Issuance request) {
        NameRules.Names names = NameRules.Names.of(request.dnsNames(), request.emails(), request.ipAddresses());
        if (Caller.SERVER_ORG.equals(orgId)) {
            return names;
        }
        String commonName = first(request.subject(), BCStyle.CN);
        boolean anyName = !names.dnsNames().isEmpty() || !names.emails().isEmpty() || !names.ipAddresses().isEmpty()
                || (commonName != null && (commonName.contains(".") || commonName.contains(":")
                || commonName.equalsIgnoreCase("localhost") || commonName.length() > NameRules.MAX_COMMON_NAME));
        if (anyName) {
            refuseOutsidePolicy(orgId, commonName, names);
        }
        checkSubjectNamesNoOtherOrganization(orgId, request.subject(), commonName);
        return names;
    }

    /**
     * The names an ACME order asks for (DNS names, wildcards with their {@code *.}), checked as an issuance of them
     * would be: {@link NameNotAllowedException} before anything is stored.
     */
    public void checkDnsNames(String orgId, List<String> dnsNames) {
        Caller.requireCredentialOrganization(orgId);
        refuseOutsidePolicy(orgId, null, NameRules.Names.of(dnsNames, List.of(), List.of()));
    }

    private void refuseOutsidePolicy(String orgId, String commonName, NameRules.Names names) {
        List<NamePolicyEntry> all = em.createQuery("SELECT e FROM NamePolicyEntry e", NamePolicyEntry.class)
                .getResultList();
        List<NamePolicyEntry> own = all.stream().filter(e -> e.getOrgId().equals(orgId)).toList();
        List<NamePolicyEntry> others = all.stream().filter(e -> !e.getOrgId().equals(orgId)).toList();
        List<Object[]> validated = em.createQuery("SELECT d.orgId, d.name FROM OrgDomain d "
                + "WHERE d.validatedAt IS NOT NULL", Object[].class).getResultList();
        List<String> ownValidated = validated.stream().filter(r -> orgId.equals(r[0])).map(r -> (String) r[1])
                .toList();
        NameRules.Policy othersPolicy = policy(others);
        List<String> othersDns = new ArrayList<>(othersPolicy.dnsSuffixes());
        validated.stream().filter(r -> !orgId.equals(r[0])).forEach(r -> othersDns.add((String) r[1]));
        ServerTlsNames server = ServerTlsNames.configured();
        NameRules.refusal(commonName, names, policy(own), ownValidated,
                new NameRules.Policy(othersDns, othersPolicy.emailDomains(), othersPolicy.ipRanges()),
                server.dnsNames(), server.ipAddresses()).ifPresent(reason -> {
                    throw new NameNotAllowedException(reason);
                });
    }

    /** {@code O=} naming another organization, or {@code CN=} another organization's device key (not also one of its own). */
    private void checkSubjectNamesNoOtherOrganization(String orgId, X500Name subject, String commonName) {
        for (RDN rdn : subject.getRDNs(BCStyle.O)) {
            String o = IETFUtils.valueToString(rdn.getFirst().getValue()).trim();
            if (!o.equalsIgnoreCase(orgId) && !em.createQuery("SELECT p.id FROM Product p WHERE LOWER(p.orgId) = :o "
                    + "AND p.orgId <> :org", Long.class).setParameter("o", o.toLowerCase(Locale.ROOT))
                    .setParameter("org", orgId).setMaxResults(1).getResultList().isEmpty()) {
                throw new NameNotAllowedException("the subject's organization O=" + o + " is another organization");
            }
        }
        if (commonName != null && !commonName.isBlank() && commonName.length() <= 64) {
            List<String> owners = em.createQuery("SELECT d.orgId FROM Device d WHERE d.deviceKey = :key",
                    String.class).setParameter("key", commonName).setMaxResults(50).getResultList();
            if (!owners.isEmpty() && !owners.contains(orgId)) {
                throw new NameNotAllowedException("the subject's CN=" + commonName
                        + " names a device of another organization");
            }
        }
    }

    private static String first(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static NameRules.Policy policy(List<NamePolicyEntry> entries) {
        List<String> dns = new ArrayList<>();
        List<String> email = new ArrayList<>();
        List<String> ip = new ArrayList<>();
        for (NamePolicyEntry e : entries) {
            switch (e.getKind()) {
                case DNS -> dns.add(e.getValue());
                case EMAIL -> email.add(e.getValue());
                case IP -> ip.add(e.getValue());
                default -> throw new IllegalStateException(e.getKind().name());
            }
        }
        return new NameRules.Policy(dns, email, ip);
    }

}
