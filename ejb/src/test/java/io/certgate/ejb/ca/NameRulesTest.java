package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.NamePolicyEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameRulesTest {

    static final List<String> SERVER_HOSTS = List.of("ca.example.net", "localhost");
    static final List<String> SERVER_IPS = List.of("127.0.0.1", "192.0.2.10");

    static Optional<String> refusal(String cn, List<String> dns, NameRules.Policy own, NameRules.Policy others) {
        return NameRules.refusal(cn, NameRules.Names.of(dns, List.of(), List.of()), own, List.of(), others,
                SERVER_HOSTS, SERVER_IPS);
    }

    @Test
    void theServersOwnNamesGoToNoOrganization() {
        for (String name : List.of("localhost", "LOCALHOST", "x.localhost", "ca.example.net", "*.ca.example.net",
                "127.0.0.1", "127.8.9.10", "::1", "192.0.2.10", "0.0.0.0")) {
            assertTrue(refusal(null, List.of(name), NameRules.Policy.NONE, NameRules.Policy.NONE).isPresent(), name);
            assertTrue(refusal(name, List.of(), NameRules.Policy.NONE, NameRules.Policy.NONE).isPresent(), "CN " + name);
        }
        assertEquals(Optional.empty(), refusal("www.acme.example", List.of("www.acme.example", "10.1.2.3"),
                NameRules.Policy.NONE, NameRules.Policy.NONE));
    }

    @Test
    void anotherOrganizationsNamesAreItsOwnUnlessThisOneOwnsThemToo() {
        NameRules.Policy others = new NameRules.Policy(List.of("acme.example"), List.of("acme.example"),
                List.of("10.20.0.0/16"));
        assertTrue(refusal(null, List.of("www.acme.example"), NameRules.Policy.NONE, others).orElseThrow()
                .contains("another organization"));
        assertTrue(refusal(null, List.of("*.acme.example"), NameRules.Policy.NONE, others).isPresent());
        assertTrue(refusal(null, List.of("10.20.30.40"), NameRules.Policy.NONE, others).isPresent(), "IP range");
        assertEquals(Optional.empty(), refusal(null, List.of("notacme.example", "10.21.0.1"), NameRules.Policy.NONE,
                others), "a suffix is a whole label");
        assertTrue(NameRules.refusal(null, NameRules.Names.of(List.of(), List.of("bob@acme.example"), List.of()),
                NameRules.Policy.NONE, List.of(), others, SERVER_HOSTS, SERVER_IPS).isPresent(), "e-mail domain");
        assertEquals(Optional.empty(), NameRules.refusal(null, NameRules.Names.of(List.of("www.acme.example"),
                List.of(), List.of()), NameRules.Policy.NONE, List.of("acme.example"), others, SERVER_HOSTS, SERVER_IPS),
                "validated by this organization too");
    }

    @Test
    void withAPolicyOnlyItsNamesAreIssued() {
        NameRules.Policy own = new NameRules.Policy(List.of("beta.example"), List.of("beta.example"),
                List.of("10.30.0.0/16", "2001:db8::/32"));
        assertEquals(Optional.empty(), refusal("api.beta.example", List.of("api.beta.example", "10.30.1.1",
                "2001:db8::5"), own, NameRules.Policy.NONE));
        assertTrue(refusal(null, List.of("evil.example"), own, NameRules.Policy.NONE).orElseThrow()
                .contains("outside the organization's name policy"));
        assertTrue(refusal(null, List.of("10.31.0.1"), own, NameRules.Policy.NONE).isPresent());
        assertTrue(refusal("evil.example", List.of(), own, NameRules.Policy.NONE).isPresent(), "the CN too");
        assertEquals(Optional.empty(), refusal("meter-17", List.of(), own, NameRules.Policy.NONE),
                "a device's CN is no host name");
    }

    @Test
    void ipLiteralsAskedAsDnsNamesBecomeIpAddressesAndLongCommonNamesAreRefused() {
        NameRules.Names names = NameRules.Names.of(List.of("www.acme.example", "10.0.0.1", "[2001:db8::1]"),
                List.of(), List.of("10.0.0.1"));
        assertEquals(List.of("www.acme.example"), names.dnsNames());
        assertEquals(List.of("10.0.0.1", "2001:db8:0:0:0:0:0:1"), names.ipAddresses());
        assertTrue(refusal("x".repeat(65), List.of(), NameRules.Policy.NONE, NameRules.Policy.NONE).orElseThrow()
                .contains("at most 64"));
        assertEquals(Optional.empty(), refusal("x".repeat(64), List.of(), NameRules.Policy.NONE, NameRules.Policy.NONE));
    }

    @Test
    void policyEntriesAreDomainsOrCidrRanges() {
        assertEquals("acme.example", NameRules.normalizeEntry(NamePolicyEntry.Kind.DNS, " *.ACME.example "));
        assertEquals("10.0.0.0/8", NameRules.normalizeEntry(NamePolicyEntry.Kind.IP, "10.0.0.0/8"));
        assertEquals("192.0.2.1/32", NameRules.normalizeEntry(NamePolicyEntry.Kind.IP, "192.0.2.1"));
        assertThrows(InvalidNamePolicyException.class, () -> NameRules.normalizeEntry(NamePolicyEntry.Kind.DNS, "a b"));
        assertThrows(InvalidNamePolicyException.class, () -> NameRules.normalizeEntry(NamePolicyEntry.Kind.IP, "10/99"));
        assertThrows(InvalidNamePolicyException.class, () -> NameRules.normalizeEntry(NamePolicyEntry.Kind.IP,
                "10.0.0.0/33"));
    }
}
