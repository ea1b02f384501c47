package io.certgate.it;

import static io.certgate.it.DigiCert.intId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may see what: X-DC-DEVKEY missing or wrong, another organization's key, and the shape of every error
 * ({@code {"errors":[{"code","message"}]}} with {@code Content-Type: application/json} exactly).
 */
class DigiCertAccessIT {

    private static DigiCertClient owner;
    private static DigiCertClient ownersApprover;
    /** A key with the user role: places requests, decides none. */
    private static DigiCertClient clerk;
    private static DigiCertClient stranger;
    private static DigiCert.Issued issued;
    private static long pendingOrderId;
    private static long pendingRequestId;

    @BeforeAll
    static void twoOrganizations() {
        String org = DigiCert.newOrg();
        owner = DigiCert.newKey(org);
        ownersApprover = DigiCert.newKey(org);
        clerk = DigiCert.newKey(org, "user", null);
        stranger = DigiCert.newKey(DigiCert.newOrg());
        issued = DigiCert.issuePrivate(owner, "access-" + DigiCert.hex(4) + ".internal.test", null, null, null);
        String cn = "access-pending-" + DigiCert.hex(4) + ".internal.test";
        JsonObject pending = clerk.order("private_ssl_plus",
                DigiCert.order(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256"), false).build()).expect(201);
        pendingOrderId = intId(pending, "id");
        pendingRequestId = intId(pending.getJsonArray("requests").getJsonObject(0), "id");
    }

    @Test
    void missingKeyIsRefused() {
        DigiCertClient anonymous = new DigiCertClient(null);
        for (DigiCertClient.Reply r : List.of(anonymous.orderInfo(issued.orderId()), anonymous.products(),
                anonymous.download(issued.certificateId(), "pem_all"),
                anonymous.order("private_ssl_plus", orderBody("anon-" + DigiCert.hex(3) + ".internal.test")),
                anonymous.updateRequestStatus(pendingRequestId, "approved", "anonymous"))) {
            r.expectError(401, 403);
        }
        assertStillPending();
    }

    @Test
    void wrongKeyIsRefused() {
        String real = owner.apiKey();
        char last = real.charAt(real.length() - 1);
        String tampered = real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String key : List.of(tampered, "0123456789abcdef0123456789abcdef", real + "x", "")) {
            DigiCertClient wrong = new DigiCertClient(key);
            wrong.orderInfo(issued.orderId()).expectError(401, 403);
            wrong.download(issued.certificateId(), "pem_all").expectError(401, 403);
            wrong.revokeCertificate(issued.certificateId(), Json.createObjectBuilder().add("skip_approval", true)
                    .build()).expectError(401, 403);
        }
        assertEquals("good", DigiCert.ocsp(issued.cert()));
    }

    @Test
    void anotherOrganizationsKeySeesNothing() {
        long orderId = issued.orderId();
        long certId = issued.certificateId();
        String cn = "stranger-" + DigiCert.hex(4) + ".internal.test";
        JsonObject reissue = Json.createObjectBuilder().add("certificate", DigiCert.certificate(cn, null,
                Pki.rsaCsr(cn), "sha256")).add("skip_approval", true).build();
        Map<String, Supplier<DigiCertClient.Reply>> calls = new LinkedHashMap<>();
        calls.put("order info", () -> stranger.orderInfo(orderId));
        calls.put("download", () -> stranger.download(certId, "pem_all"));
        calls.put("download p7b", () -> stranger.download(certId, "p7b"));
        calls.put("download by order", () -> stranger.downloadByOrder(orderId, "pem_all"));
        calls.put("chain", () -> stranger.chain(certId));
        calls.put("reissue", () -> stranger.reissue(orderId, reissue));
        calls.put("list reissues", () -> stranger.listReissues(orderId));
        calls.put("duplicate", () -> stranger.duplicate(orderId, reissue));
        calls.put("list duplicates", () -> stranger.listDuplicates(orderId));
        calls.put("check dcv", () -> stranger.checkDcv(orderId));
        calls.put("revoke certificate", () -> stranger.revokeCertificate(certId, Json.createObjectBuilder()
                .add("comments", "not mine").add("skip_approval", true).build()));
        calls.put("revoke order", () -> stranger.revokeOrder(orderId, Json.createObjectBuilder()
                .add("comments", "not mine").add("skip_approval", true).build()));
        calls.put("request info", () -> stranger.request(pendingRequestId));
        calls.put("request status", () -> stranger.updateRequestStatus(pendingRequestId, "approved", "not mine"));
        calls.put("reject request", () -> stranger.updateRequestStatus(pendingRequestId, "rejected", "not mine"));
        calls.forEach((what, call) -> {
            DigiCertClient.Reply r = call.get();
            String code = r.errorCode(404);
            assertTrue(code.startsWith("not_found"), what + ": not_found, as for an order that does not exist: "
                    + r.describe());
        });

        assertFalse(DigiCertWalkIT.orderIds(stranger.listOrders(Map.of(), 0, 1000).expect(200)).contains(orderId));
        assertFalse(DigiCertWalkIT.requestIds(stranger.listRequests("pending").expect(200))
                .contains(pendingRequestId));

        // and nothing happened to the owner's order
        JsonObject info = owner.orderInfo(orderId).expect(200);
        assertEquals("issued", info.getString("status"));
        assertEquals(certId, intId(info.getJsonObject("certificate"), "id"));
        assertEquals(issued.cert(), DigiCert.current(owner, orderId));
        assertEquals("good", DigiCert.ocsp(issued.cert()));
        assertStillPending();
    }

    @Test
    void unknownIdsAreNotFound() {
        long nowhere = 2_000_000_000L + Math.abs(new java.util.Random().nextInt(100_000_000));
        for (DigiCertClient.Reply r : List.of(owner.orderInfo(nowhere), owner.download(nowhere, "pem_all"),
                owner.downloadByOrder(nowhere, "pem_all"), owner.chain(nowhere), owner.request(nowhere),
                owner.reissue(nowhere, Json.createObjectBuilder().add("certificate",
                        DigiCert.certificate("x.internal.test", null, Pki.rsaCsr("x.internal.test"), "sha256"))
                        .build()))) {
            String code = r.errorCode(404);
            assertTrue(code.startsWith("not_found"), r.describe());
        }
    }

    @Test
    void errorsAreJsonArraysServedAsApplicationJsonExactly() {
        // 400: a CSR that is not one
        String cn = "errors-" + DigiCert.hex(4) + ".internal.test";
        owner.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null,
                "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----", "sha256"), true)
                .build()).expectError(400);
        // 400: a body that is not JSON (CertCentral: bad_request_format)
        DigiCertClient.Reply malformed = DigiCertClient.exchange("POST", "/order/certificate/private_ssl_plus",
                "{\"certificate\": {", owner.standardHeaders());
        assertEquals("bad_request_format", malformed.errorCode(400).split("\\|")[0]);
        // 400: missing required members
        owner.order("private_ssl_plus", Json.createObjectBuilder().add("skip_approval", true).build())
                .expectError(400);
        // 403: a key with the user role approves nothing, its own request neither
        assertTrue(clerk.updateRequestStatus(pendingRequestId, "approved", "mine").errorCode(403)
                .startsWith("access_denied"));
        // 404: a product that does not exist (CertCentral: not_found|product), a route that does not exist
        assertTrue(owner.order("no_such_product", orderBody(cn)).errorCode(404).startsWith("not_found"));
        assertTrue(owner.send("GET", "/no-such-endpoint", null).errorCode(404).startsWith("not_found"));
        // 401/403 without a key
        new DigiCertClient(null).products().expectError(401, 403);
        assertStillPending();
    }

    private static JsonObject orderBody(String cn) {
        return DigiCert.order(DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256"), true).build();
    }

    private static void assertStillPending() {
        assertEquals("pending", ownersApprover.request(pendingRequestId).expect(200).getString("status"));
        assertTrue(DigiCert.AWAITING_APPROVAL.contains(owner.orderInfo(pendingOrderId).expect(200)
                .getString("status")));
    }
}
