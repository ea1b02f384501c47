package io.certgate.ejb.access;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.CallerRequiredException;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.binding.CertificateBindingService;
import io.certgate.ejb.binding.SelfEnrollments;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.ejb.device.DeviceDraft;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.ejb.enrollment.RaAccountCredentials;
import io.certgate.ejb.product.ProductCatalog;
import io.certgate.ejb.product.ProductDraft;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every business method that reads or writes an organization's data refuses to run without a caller of an
 * organization: no caller at all, or an operator who has not named the organization it acts on. The beans are
 * made without a container, so a method that did not refuse first would reach its (absent) database and fail
 * differently.
 */
class CallerRequiredTest {

    static Stream<Arguments> entries() {
        DeviceIdentifier device = DeviceIdentifier.of("asset1", null, null);
        List<Arguments> all = List.of(
                Arguments.of("ledger.find", (Consumer<Caller>) c -> new CertificateLedger().find(c, 1L)),
                Arguments.of("ledger.findBySerial", (Consumer<Caller>) c -> new CertificateLedger().findBySerial(c,
                        BigInteger.TEN)),
                Arguments.of("ledger.boundTo", (Consumer<Caller>) c -> new CertificateLedger().boundTo(c, 1L)),
                Arguments.of("ledger.issue", (Consumer<Caller>) c -> new CertificateLedger().issue(c, null)),
                Arguments.of("inventory.search", (Consumer<Caller>) c -> new CertificateInventory().search(c,
                        CertificateQuery.expiring(30, 0, 10))),
                Arguments.of("inventory.find", (Consumer<Caller>) c -> new CertificateInventory().find(c, 1L)),
                Arguments.of("inventory.revoke", (Consumer<Caller>) c -> new CertificateInventory().revoke(c, 1L,
                        RevocationReason.KEY_COMPROMISE)),
                Arguments.of("binding.apply", (Consumer<Caller>) c -> new CertificateBindingService().apply(c, device,
                        "csr", null, IssueAuthority.RSA)),
                Arguments.of("binding.renew", (Consumer<Caller>) c -> new CertificateBindingService().renew(c, device, 1L,
                        null, null, null)),
                Arguments.of("binding.revoke", (Consumer<Caller>) c -> new CertificateBindingService().revoke(c, device,
                        1L, RevocationReason.UNSPECIFIED)),
                Arguments.of("binding.list", (Consumer<Caller>) c -> new CertificateBindingService().list(c, device)),
                Arguments.of("devices.find", (Consumer<Caller>) c -> new DeviceRegistry().find(c, device)),
                Arguments.of("devices.assetIds", (Consumer<Caller>) c -> new DeviceRegistry().assetIds(c,
                        List.of(1L))),
                Arguments.of("devices.create", (Consumer<Caller>) c -> new DeviceRegistry().create(c,
                        new DeviceDraft("pk", "dk", "n", null, null))),
                Arguments.of("products.get", (Consumer<Caller>) c -> new ProductCatalog().get(c, "pk")),
                Arguments.of("products.create", (Consumer<Caller>) c -> new ProductCatalog().create(c,
                        new ProductDraft("n", null, null, null, true, null, null))),
                Arguments.of("enrollment.pickup", (Consumer<Caller>) c -> new EnrollmentService().pickup(c,
                        "0123456789abcdef0123456789abcdef")),
                Arguments.of("enrollment.approveAsOperator", (Consumer<Caller>) c -> new EnrollmentService()
                        .approveAsOperator(c, "0123456789abcdef0123456789abcdef")),
                Arguments.of("enrollment.revoke", (Consumer<Caller>) c -> new EnrollmentService().revoke(c, "0a",
                        RevocationReason.UNSPECIFIED, "phrase")),
                Arguments.of("acme.createEabKey", (Consumer<Caller>) c -> new io.certgate.ejb.acme.AcmeAccounts()
                        .createEabKey(c)),
                Arguments.of("acme.eabKeys", (Consumer<Caller>) c -> new io.certgate.ejb.acme.AcmeAccounts().eabKeys(c)),
                Arguments.of("acme.disableEabKey", (Consumer<Caller>) c -> new io.certgate.ejb.acme.AcmeAccounts()
                        .disableEabKey(c, "eab-1")),
                Arguments.of("acme.accounts", (Consumer<Caller>) c -> new io.certgate.ejb.acme.AcmeAccounts().accounts(c)),
                Arguments.of("acme.deactivate", (Consumer<Caller>) c -> new io.certgate.ejb.acme.AcmeAccounts()
                        .deactivate(c, 1L)),
                Arguments.of("audit.record", (Consumer<Caller>) c -> new AuditTrail().record(c, "a", "t", "o")),
                Arguments.of("audit.recent", (Consumer<Caller>) c -> new AuditTrail().recent(c, 10)),
                Arguments.of("credentials.enos", (Consumer<Caller>) c -> new ApiCredentials().createEnosServiceAccount(c)),
                Arguments.of("credentials.digicert", (Consumer<Caller>) c -> new ApiCredentials().createDigiCertKey(c)),
                Arguments.of("selfEnrollments.createSecret", (Consumer<Caller>) c -> new SelfEnrollments()
                        .createSecret(c, device, null)),
                Arguments.of("selfEnrollments.requireApproval", (Consumer<Caller>) c -> new SelfEnrollments()
                        .requireApproval(c, "pk", true)),
                Arguments.of("selfEnrollments.pending", (Consumer<Caller>) c -> new SelfEnrollments().pending(c)),
                Arguments.of("selfEnrollments.approve", (Consumer<Caller>) c -> new SelfEnrollments().approve(c, 1L)),
                Arguments.of("selfEnrollments.reject", (Consumer<Caller>) c -> new SelfEnrollments().reject(c, 1L)),
                Arguments.of("raAccounts.create", (Consumer<Caller>) c -> new RaAccounts().create(c, "ra", false, false,
                        false, null, 1L)),
                Arguments.of("raAccounts.list", (Consumer<Caller>) c -> new RaAccounts().list(c)),
                Arguments.of("raAccounts.disable", (Consumer<Caller>) c -> new RaAccounts().disable(c, "ra")),
                Arguments.of("raAccountCredentials.list", (Consumer<Caller>) c -> new RaAccountCredentials().list(c)),
                Arguments.of("raAccountCredentials.disable", (Consumer<Caller>) c -> new RaAccountCredentials()
                        .disable(c, "ra")),
                Arguments.of("credentials.list", (Consumer<Caller>) c -> new ApiCredentials().list(c)),
                Arguments.of("credentials.disableEnos", (Consumer<Caller>) c -> new ApiCredentials()
                        .disableEnosServiceAccount(c, "k")),
                Arguments.of("credentials.rotateEnos", (Consumer<Caller>) c -> new ApiCredentials()
                        .rotateEnosSecret(c, "k")),
                Arguments.of("credentials.disableDigiCert", (Consumer<Caller>) c -> new ApiCredentials()
                        .disableDigiCertKey(c, "k")),
                Arguments.of("credentials.rotateDigiCert", (Consumer<Caller>) c -> new ApiCredentials()
                        .rotateDigiCertKey(c, "k")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} without a caller")
    @MethodSource("entries")
    void refusedWithoutACaller(String name, Consumer<Caller> call) {
        assertThrows(CallerRequiredException.class, () -> call.accept(null));
    }

    @ParameterizedTest(name = "{0} by an operator who named no organization")
    @MethodSource("entries")
    void refusedForACallerWithoutOrganization(String name, Consumer<Caller> call) {
        assertThrows(CallerRequiredException.class, () -> call.accept(Caller.operator("alice", "r1")));
    }
}
