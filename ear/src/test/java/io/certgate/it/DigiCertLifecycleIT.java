package io.certgate.it;

import static io.certgate.it.DigiCert.intId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the order lifecycle as clients written against DigiCert's documentation use it (dev.digicert.com
 * Services API: "Revoke certificate", "List orders", "List reissues", "Update request status", "Update order
 * status", "Order status changes", "Product info"), and two whole flows: a Keyfactor-style sync (page through every
 * order with page.total, then status-changes, map every status) and a Lemur-style one (order, poll, download
 * pem_all, revoke with comments and approve the revoke request with the same admin key).
 */
class DigiCertLifecycleIT {

    /** The statuses of reissue and duplicate lists (DigiCert's glossary); clients fail on any other. */
    private static final Set<String> REISSUE_STATUSES = Set.of("pending", "approved", "issued", "rejected");

    private static String cn(String label) {
        return label + "-" + DigiCert.hex(5) + ".internal.test";
    }

    private static JsonObject placePending(DigiCertClient client, String cn) {
        return client.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null, Pki.rsaCsr(cn),
                "sha256"), false).build()).expect(201);
    }

    private static JsonObject reissueBody(String cn, boolean skipApproval) {
        return Json.createObjectBuilder().add("certificate", DigiCert.certificate(cn, null, Pki.rsaCsr(cn), "sha256"))
                .add("skip_approval", skipApproval).build();
    }

    private static String status(DigiCertClient client, long orderId) {
        JsonObject info = client.orderInfo(orderId).expect(200);
        DigiCert.assertKnownStatus(info);
        return info.getString("status");
    }

    // ---- 1. revoking one certificate keeps the order -----------------------------------------------------------

    @Test
    void revokingTheOrdersOnlyCertificateKeepsTheOrderActiveAndReissuable() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        String cn = cn("revoke-one");
        DigiCert.Issued o = DigiCert.issuePrivate(admin, cn, null, null, null);

        JsonObject revoke = admin.revokeCertificate(o.certificateId(), Json.createObjectBuilder()
                .add("revocation_reason", "keyCompromise").add("comments", "laptop stolen").add("skip_approval", true)
                .build()).expect(201);
        assertEquals("revoke", revoke.getString("type"));
        assertEquals("approved", revoke.getString("status"), "an admin key may skip approval: " + revoke);
        assertEquals("revoked", DigiCert.ocsp(o.cert()));
        assertEquals("issued", status(admin, o.orderId()), "revoking a certificate does not revoke its order");
        JsonObject request = admin.request(intId(revoke, "id")).expect(200);
        assertEquals("keyCompromise", request.getString("revocation_reason"), "revocation_reason is honoured");
        assertEquals(o.certificateId(), intId(request, "certificate_id"));

        JsonObject reissued = admin.reissue(o.orderId(), reissueBody(cn, true)).expect(201);
        long newId = intId(reissued, "certificate_id");
        assertNotEquals(o.certificateId(), newId);
        X509Certificate fresh = DigiCert.certificate(admin, newId);
        assertEquals("good", DigiCert.ocsp(fresh));
        assertEquals(newId, intId(admin.orderInfo(o.orderId()).expect(200).getJsonObject("certificate"), "id"));
        assertEquals("issued", status(admin, o.orderId()));
    }

    // ---- surprises: revocation waits for an approver, and not while a reissue waits ---------------------------

    @Test
    void aRevokeRequestWaitsForAnApproverAndIsListedWithTheRequests() {
        String org = DigiCert.newOrg();
        DigiCertClient admin = DigiCert.newKey(org);
        DigiCertClient approver = DigiCert.newKey(org, "manager", "approver");
        DigiCert.Issued o = DigiCert.issuePrivate(admin, cn("revoke-pending"), null, null, null);

        JsonObject revoke = admin.revokeCertificate(o.certificateId(), Json.createObjectBuilder()
                .add("revocation_reason", "superseded").add("comments", "rotated").build()).expect(201);
        assertEquals("pending", revoke.getString("status"), "without skip_approval a revoke request waits: " + revoke);
        assertEquals("good", DigiCert.ocsp(o.cert()), "nothing revoked before approval");
        long requestId = intId(revoke, "id");
        JsonObject pending = admin.send("GET", "/request?" + "filters%5Bstatus%5D=pending", null).expect(200);
        assertTrue(DigiCertWalkIT.requestIds(pending).contains(requestId), "revoke requests are listed: " + pending);
        for (JsonValue v : pending.getJsonArray("requests")) {
            assertEquals("pending", v.asJsonObject().getString("status"), "filters[status] filters: " + v);
        }

        approver.updateRequestStatus(requestId, "approved", "ok").expect(204);
        assertEquals("revoked", DigiCert.ocsp(o.cert()));
        assertTrue(DigiCert.onCrl(o.cert()));
        assertEquals("superseded", admin.request(requestId).expect(200).getString("revocation_reason"));
        assertEquals("issued", status(admin, o.orderId()));
    }

    @Test
    void aCertificateWithAPendingReissueIsNotRevokedAndAPendingReissueIsCanceled() {
        String org = DigiCert.newOrg();
        DigiCertClient admin = DigiCert.newKey(org);
        DigiCertClient manager = DigiCert.newKey(org, "manager", null);
        String cn = cn("reissue-pending");
        DigiCert.Issued o = DigiCert.issuePrivate(admin, cn, null, null, null);
        manager.reissue(o.orderId(), reissueBody(cn, false)).expect(201);
        assertEquals("reissue_pending", status(admin, o.orderId()));

        DigiCertClient.Reply refused = admin.revokeCertificate(o.certificateId(), Json.createObjectBuilder()
                .add("skip_approval", true).build());
        assertEquals("reissue_pending", refused.errorCode(400), refused.describe());
        assertEquals("reissue_pending", admin.revokeOrder(o.orderId(), Json.createObjectBuilder()
                .add("skip_approval", true).build()).errorCode(400));
        assertEquals("good", DigiCert.ocsp(o.cert()));

        // 6. Update order status: cancel the pending reissue, with a note
        admin.send("PUT", "/order/certificate/" + o.orderId() + "/status", Json.createObjectBuilder()
                .add("status", "canceled").add("note", "wrong CSR").build()).expect(204);
        assertEquals("issued", status(admin, o.orderId()));
        JsonObject listed = admin.listReissues(o.orderId()).expect(200);
        assertEquals("rejected", listed.getJsonArray("certificates").getJsonObject(0).getString("status"), listed
                .toString());
        admin.revokeCertificate(o.certificateId(), Json.createObjectBuilder().add("skip_approval", true).build())
                .expect(201);
        assertEquals("revoked", DigiCert.ocsp(o.cert()));
    }

    // ---- 2. page.total ------------------------------------------------------------------------------------------

    @Test
    void pageTotalCountsEveryMatchSoThatClientsPageThroughAll() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        Set<Long> placed = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            placed.add(intId(placePending(admin, cn("page")), "id"));
        }
        JsonObject first = admin.listOrders(Map.of(), 0, 1).expect(200);
        assertEquals(1, first.getJsonArray("orders").size());
        assertEquals(3, first.getJsonObject("page").getInt("total"), "total counts every match: " + first);

        Set<Long> seen = new LinkedHashSet<>();
        int offset = 0;
        int total;
        do {
            JsonObject page = admin.listOrders(Map.of(), offset, 1).expect(200);
            total = page.getJsonObject("page").getInt("total");
            seen.addAll(DigiCertWalkIT.orderIds(page));
            offset += 1;
        } while (offset < total);
        assertEquals(placed, seen);

        JsonObject filtered = admin.listOrders(Map.of("status", "needs_approval"), 0, 2).expect(200);
        assertEquals(3, filtered.getJsonObject("page").getInt("total"));
        assertEquals(2, filtered.getJsonArray("orders").size());
        assertEquals("invalid_value", admin.send("GET", "/order/certificate?limit=abc", null).errorCode(400));
    }

    // ---- 3. reissue and duplicate lists --------------------------------------------------------------------------

    @Test
    void reissueAndDuplicateListsSayPendingApprovedIssuedOrRejected() {
        String org = DigiCert.newOrg();
        DigiCertClient admin = DigiCert.newKey(org);
        DigiCertClient manager = DigiCert.newKey(org, "manager", null);
        String cn = cn("lists");
        DigiCert.Issued o = DigiCert.issuePrivate(admin, cn, null, null, null);

        long pendingReissue = intId(manager.reissue(o.orderId(), reissueBody(cn, false)).expect(201)
                .getJsonArray("requests").getJsonObject(0), "id");
        JsonObject entry = admin.listReissues(o.orderId()).expect(200).getJsonArray("certificates").getJsonObject(0);
        assertEquals("pending", entry.getString("status"), "pending reissues are listed: " + entry);
        assertEquals(pendingReissue, intId(entry, "request_id"));
        admin.updateRequestStatus(pendingReissue, "rejected", "no").expect(204);
        admin.reissue(o.orderId(), reissueBody(cn, true)).expect(201);
        Map<String, Integer> statuses = new HashMap<>();
        for (JsonValue v : admin.listReissues(o.orderId()).expect(200).getJsonArray("certificates")) {
            String s = v.asJsonObject().getString("status");
            assertTrue(REISSUE_STATUSES.contains(s), "a CertCentral reissue status: " + v);
            statuses.merge(s, 1, Integer::sum);
            if ("issued".equals(s)) {
                intId(v.asJsonObject(), "id");
            }
        }
        assertEquals(Map.of("rejected", 1, "issued", 1), statuses);

        manager.duplicate(o.orderId(), reissueBody(cn, false)).expect(201);
        JsonObject dup = admin.listDuplicates(o.orderId()).expect(200).getJsonArray("certificates").getJsonObject(0);
        assertEquals("pending", dup.getString("status"), dup.toString());
    }

    // ---- 4. roles and the second person --------------------------------------------------------------------------

    @Test
    void anAdminKeyApprovesItsOwnOrdersAndRevokeRequests() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        String cn = cn("own");
        JsonObject placed = placePending(admin, cn);
        long orderId = intId(placed, "id");
        assertEquals("needs_approval", status(admin, orderId));
        admin.updateRequestStatus(intId(placed.getJsonArray("requests").getJsonObject(0), "id"), "approved", "mine")
                .expect(204);
        JsonObject info = DigiCert.awaitOrder(admin, orderId, i -> "issued".equals(i.getString("status")));
        long certId = intId(info.getJsonObject("certificate"), "id");
        X509Certificate cert = DigiCert.certificate(admin, certId);

        JsonObject revoke = admin.revokeOrder(orderId, Json.createObjectBuilder().add("comments", "done").build())
                .expect(201);
        assertEquals("pending", revoke.getString("status"));
        admin.updateRequestStatus(intId(revoke, "id"), "approved", "mine too").expect(204);
        assertEquals("revoked", DigiCert.ocsp(cert));
        assertEquals("revoked", status(admin, orderId));
    }

    @Test
    void aUserKeyPlacesRequestsButDecidesNoneAndCannotSkipApproval() {
        String org = DigiCert.newOrg();
        DigiCertClient user = DigiCert.newKey(org, "user", null);
        DigiCertClient manager = DigiCert.newKey(org, "manager", null);
        String cn = cn("user-key");
        JsonObject placed = user.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null,
                Pki.rsaCsr(cn), "sha256"), true).build()).expect(201);
        assertFalse(placed.containsKey("certificate_id"), "a user key's skip_approval waits for an approver: " + placed);
        long requestId = intId(placed.getJsonArray("requests").getJsonObject(0), "id");
        assertEquals("access_denied|invalid_approver", user.updateRequestStatus(requestId, "approved", "me")
                .errorCode(403));
        assertEquals("access_denied|invalid_approver", manager.updateRequestStatus(
                intId(placePending(manager, cn("manager-own")).getJsonArray("requests").getJsonObject(0), "id"),
                "approved", "me").errorCode(403), "a manager never approves its own request");
        manager.updateRequestStatus(requestId, "approved", "ok").expect(204);
        DigiCert.awaitOrder(user, intId(placed, "id"), i -> "issued".equals(i.getString("status")));
    }

    @Test
    void theSecondPersonIsTheUserBehindTheKeysAlsoAfterARotation() {
        String org = DigiCert.newOrg();
        DigiCertClient alice = DigiCert.newKey(org, "admin", "alice");
        DigiCertClient alicesOtherKey = DigiCert.newKey(org, "admin", "alice");
        DigiCertClient bob = DigiCert.newKey(org, "manager", "bob");
        DigiCert.secondApprover(org, true);

        String cn = cn("second-person");
        JsonObject placed = alice.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null,
                Pki.rsaCsr(cn), "sha256"), true).build()).expect(201);
        assertFalse(placed.containsKey("certificate_id"), "no skipping when a second person must approve: " + placed);
        long requestId = intId(placed.getJsonArray("requests").getJsonObject(0), "id");
        assertEquals("access_denied|invalid_approver", alice.updateRequestStatus(requestId, "approved", "me")
                .errorCode(403));
        assertEquals("access_denied|invalid_approver", alicesOtherKey.updateRequestStatus(requestId, "approved",
                "me again").errorCode(403), "another key of the same user is the same person");

        String keyId = alice.apiKey().substring(0, 12);
        Http.Answer rotated = Admin.post("/admin/api/orgs/" + org + "/digicert-keys/" + keyId + "/rotate");
        assertEquals(200, rotated.status(), rotated.body());
        DigiCertClient alicesRotatedKey = new DigiCertClient(rotated.json().getString("key"));
        assertEquals("access_denied|invalid_approver", alicesRotatedKey.updateRequestStatus(requestId, "approved",
                "rotated me").errorCode(403), "a rotated key is still its user");
        assertEquals("pending", bob.request(requestId).expect(200).getString("status"));

        bob.updateRequestStatus(requestId, "approved", "second person").expect(204);
        DigiCert.awaitOrder(bob, intId(placed, "id"), i -> "issued".equals(i.getString("status")));
        DigiCert.secondApprover(org, false);
    }

    // ---- 6. cancel a pending order -------------------------------------------------------------------------------

    @Test
    void aPendingOrderIsCanceledWithANote() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        JsonObject placed = placePending(admin, cn("cancel"));
        long orderId = intId(placed, "id");
        long requestId = intId(placed.getJsonArray("requests").getJsonObject(0), "id");
        String path = "/order/certificate/" + orderId + "/status";
        assertEquals("invalid_status", admin.send("PUT", path, Json.createObjectBuilder().add("status", "issued")
                .build()).errorCode(400));
        admin.send("PUT", path, Json.createObjectBuilder().add("status", "canceled").add("note", "not needed")
                .build()).expect(204);
        assertEquals("canceled", status(admin, orderId));
        JsonObject request = admin.request(requestId).expect(200);
        assertEquals("canceled", request.getString("status"));
        assertEquals("not needed", request.getString("processor_comment"));
        assertEquals("request_not_pending", admin.updateRequestStatus(requestId, "approved", "late").errorCode(400));
        assertEquals("order_not_pending", admin.send("PUT", path, Json.createObjectBuilder().add("status", "canceled")
                .build()).errorCode(400));
    }

    // ---- 7. status changes: a Keyfactor-style sync ---------------------------------------------------------------

    @Test
    void keyfactorStyleSyncPagesThroughEveryOrderThenFollowsStatusChanges() {
        String org = DigiCert.newOrg();
        DigiCertClient admin = DigiCert.newKey(org);
        DigiCertClient manager = DigiCert.newKey(org, "manager", null);
        DigiCert.Issued unchanged = DigiCert.issuePrivate(admin, cn("sync-unchanged"), null, null, null);
        DigiCert.Issued toRevoke = DigiCert.issuePrivate(admin, cn("sync-revoke"), null, null, null);
        long toCancel = intId(placePending(manager, cn("sync-cancel")), "id");

        // full sync: every order, paged with page.total, every status one the gateway maps
        Set<Long> all = new LinkedHashSet<>();
        int offset = 0;
        int total;
        do {
            JsonObject page = admin.listOrders(Map.of(), offset, 2).expect(200);
            total = page.getJsonObject("page").getInt("total");
            all.addAll(DigiCertWalkIT.orderIds(page)); // asserts every status is a known one
            offset += 2;
        } while (offset < total);
        assertEquals(Set.of(unchanged.orderId(), toRevoke.orderId(), toCancel), all);

        DigiCert.sleep(1_500);
        LocalDateTime lastSync = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        DigiCert.sleep(1_500);
        admin.revokeCertificate(toRevoke.certificateId(), Json.createObjectBuilder().add("skip_approval", true)
                .build()).expect(201);
        admin.revokeOrder(toRevoke.orderId(), Json.createObjectBuilder().add("skip_approval", true).build())
                .expect(201);
        admin.send("PUT", "/order/certificate/" + toCancel + "/status", Json.createObjectBuilder()
                .add("status", "canceled").build()).expect(204);

        // as the gateway formats it: yyyy-M-d+H:m:s, the end a day ahead; '+' sent as is (a space once decoded)
        String window = keyfactor(lastSync) + "..." + keyfactor(LocalDateTime.now(ZoneOffset.UTC).plusDays(1));
        JsonObject changes = admin.send("GET", "/order/certificate/status-changes?filters%5Bstatus_last_updated%5D="
                + window, null).expect(200);
        Map<Long, String> changed = new HashMap<>();
        for (JsonValue v : changes.getJsonArray("orders")) {
            JsonObject c = v.asJsonObject();
            String s = c.getString("status");
            assertTrue(DigiCert.KNOWN_ORDER_STATUSES.contains(s), "a status the gateway maps: " + c);
            changed.put(intId(c, "order_id"), s);
        }
        assertEquals(Map.of(toRevoke.orderId(), "revoked", toCancel, "canceled"), changed, changes.toString());

        // the same with ISO dates, percent-encoded
        JsonObject days = admin.send("GET", "/order/certificate/status-changes" + DigiCertClient.query(Map.of(
                "filters[status_last_updated]", lastSync.toLocalDate().minusDays(1) + "..."
                        + lastSync.toLocalDate().plusDays(1))), null).expect(200);
        assertEquals(3, days.getJsonArray("orders").size(), "whole days: every order of today: " + days);
        assertEquals("missing_field", admin.send("GET", "/order/certificate/status-changes", null).errorCode(400));
    }

    private static String keyfactor(LocalDateTime t) {
        return t.getYear() + "-" + t.getMonthValue() + "-" + t.getDayOfMonth() + "+" + t.getHour() + ":"
                + t.getMinute() + ":" + t.getSecond();
    }

    // ---- 8. product info -----------------------------------------------------------------------------------------

    @Test
    void productInfoByNameId() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        JsonObject p = admin.send("GET", "/product/ssl_plus", null).expect(200);
        assertEquals("ssl_plus", p.getString("name_id"));
        assertEquals(DigiCert.allowedCaIds(admin, "ssl_plus"), p.getJsonArray("allowed_ca_certs").stream()
                .map(v -> v.asJsonObject().getString("id")).toList());
        assertFalse(p.getJsonObject("signature_hash_types").getJsonArray("allowed_hash_types").isEmpty());
        assertEquals("not_found|product", admin.send("GET", "/product/no_such_product", null).errorCode(404));
    }

    // ---- a Lemur-style flow --------------------------------------------------------------------------------------

    @Test
    void lemurStyleOrderPollDownloadRevokeAndApproveWithOneAdminKey() {
        DigiCertClient lemur = DigiCert.newKey(DigiCert.newOrg());
        String cn = cn("lemur-flow");
        long orderId = intId(lemur.order("private_ssl_plus", Json.createObjectBuilder()
                .add("certificate", Json.createObjectBuilder().add("common_name", cn).add("csr", Pki.rsaCsr(cn))
                        .add("signature_hash", "sha256").add("dns_names", Json.createArrayBuilder()))
                .add("validity_years", 1).add("skip_approval", true).build()).expect(201), "id");
        JsonObject info = DigiCert.awaitOrder(lemur, orderId, i -> "issued".equals(i.getString("status")));
        long certId = intId(info.getJsonObject("certificate"), "id");
        DigiCertClient.Reply pem = lemur.downloadByOrder(orderId, "pem_all");
        assertEquals(200, pem.status(), pem.describe());
        List<X509Certificate> chain = DigiCert.pemCertificates(pem.text());
        assertTrue(chain.size() >= 2, "end entity and its issuers: " + chain.size());
        X509Certificate leaf = chain.get(0);
        Pki.verifyChain(leaf, DigiCert.rootOf(leaf));

        // Lemur revokes with comments only, then approves its own revoke request
        JsonObject revoke = lemur.revokeCertificate(certId, Json.createObjectBuilder().add("comments",
                "revoked by Lemur").build()).expect(201);
        lemur.updateRequestStatus(intId(revoke, "id"), "approved", "Automatically approved by Lemur").expect(204);
        assertEquals("revoked", DigiCert.ocsp(leaf));
        assertEquals("issued", status(lemur, orderId), "the order stays active");
    }

    // ---- surprises: order info, names -----------------------------------------------------------------------------

    @Test
    void orderInfoCarriesDateIssuedCertValidityOrderValidTillAndASha1Thumbprint() throws Exception {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        DigiCert.Issued o = DigiCert.issuePrivate(admin, cn("info"), null, null, null);
        JsonObject info = admin.orderInfo(o.orderId()).expect(200);
        assertTrue(info.getString("date_issued").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"),
                info.toString());
        assertEquals(info.getJsonObject("order_validity").getString("valid_till"), info.getString("order_valid_till"));
        long days = info.getJsonObject("cert_validity").getJsonNumber("days").longValue();
        assertTrue(Math.abs(days - DigiCert.daysBetweenNowAnd(o.cert())) <= 1, "cert_validity.days " + days);
        String sha1 = java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest
                .getInstance("SHA-1").digest(o.cert().getEncoded()));
        assertEquals(sha1, info.getJsonObject("certificate").getString("thumbprint"), "CertCentral's thumbprint is SHA-1");
    }

    @Test
    void anIpLiteralIsNoDnsNameAndADuplicateNamesWhatItsOrderNames() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        assertEquals("invalid_dns_name", admin.order("ssl_plus", DigiCert.order(DigiCert.certificate("10.20.30.40",
                null, Pki.rsaCsr("10.20.30.40"), "sha256"), true).build()).errorCode(400));
        assertEquals("invalid_dns_name", admin.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(
                cn("ip"), List.of("192.168.7.7"), Pki.rsaCsr("ip"), "sha256"), true).build()).errorCode(400));

        String cn = cn("dup-names");
        DigiCert.Issued o = DigiCert.issuePrivate(admin, cn, null, null, null);
        String other = cn("someone-else");
        assertEquals("invalid_value", admin.duplicate(o.orderId(), reissueBody(other, true)).errorCode(400));
        assertEquals(201, admin.duplicate(o.orderId(), reissueBody(cn, true)).status());
    }

    @Test
    void theOrderListFiltersBySearchProductAndValidTillAndSorts() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        String tag = DigiCert.hex(4);
        DigiCert.Issued alpha = DigiCert.issuePrivate(admin, "alpha-" + tag + ".internal.test", null, null, null);
        DigiCert.Issued beta = DigiCert.issuePrivate(admin, "beta-" + tag + ".internal.test", null, null, null);
        String wildcard = "*.gamma-" + tag + ".internal.test";
        long gamma = intId(admin.order("private_ssl_wildcard", DigiCert.order(DigiCert.certificate(wildcard, null,
                Pki.rsaCsr("gamma"), "sha256"), false).build()).expect(201), "id");

        assertEquals(Set.of(alpha.orderId()), DigiCertWalkIT.orderIds(admin.listOrders(Map.of("search", "alpha-"
                + tag), 0, 10).expect(200)));
        assertEquals(Set.of(gamma), DigiCertWalkIT.orderIds(admin.listOrders(Map.of("product_name_id",
                "private_ssl_wildcard"), 0, 10).expect(200)));
        String today = DigiCert.todayUtc().toString();
        assertEquals(Set.of(alpha.orderId(), beta.orderId()), DigiCertWalkIT.orderIds(admin.listOrders(Map.of(
                "valid_till", ">" + today), 0, 10).expect(200)));
        assertEquals(Set.of(), DigiCertWalkIT.orderIds(admin.listOrders(Map.of("valid_till", "<" + today), 0, 10)
                .expect(200)));

        JsonObject byName = admin.send("GET", "/order/certificate?sort=common_name", null).expect(200);
        List<Long> ids = byName.getJsonArray("orders").stream().map(v -> intId(v.asJsonObject(), "id")).toList();
        assertEquals(List.of(gamma, alpha.orderId(), beta.orderId()), ids, "'*' sorts before letters: " + byName);
        JsonObject newest = admin.send("GET", "/order/certificate?sort=-date_created", null).expect(200);
        assertEquals(gamma, intId(newest.getJsonArray("orders").getJsonObject(0), "id"));
        assertEquals("invalid_value", admin.send("GET", "/order/certificate?sort=price", null).errorCode(400));
        assertEquals("invalid_date", admin.send("GET", "/order/certificate?" + "filters%5Bvalid_till%5D=%3Esoon",
                null).errorCode(400));
    }

    @Test
    void orderInfoAndRevokeAcceptASerialNumberOrThumbprintInPlaceOfTheId() throws Exception {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        DigiCert.Issued o = DigiCert.issuePrivate(admin, cn("by-serial"), null, null, null);
        String serial = o.cert().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        String sha1 = java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest
                .getInstance("SHA-1").digest(o.cert().getEncoded()));
        for (String ref : List.of(serial, sha1)) {
            JsonObject info = admin.send("GET", "/order/certificate/" + ref, null).expect(200);
            assertEquals(o.orderId(), intId(info, "id"), ref);
        }
        DigiCert.Issued other = DigiCert.issuePrivate(DigiCert.newKey(DigiCert.newOrg()), cn("not-mine"), null, null,
                null);
        String othersSerial = other.cert().getSerialNumber().toString(16);
        assertTrue(admin.send("GET", "/order/certificate/" + othersSerial, null).errorCode(404)
                .startsWith("not_found"), "another organization's serial is unknown");
        admin.send("PUT", "/certificate/" + serial + "/revoke", Json.createObjectBuilder().add("skip_approval", true)
                .build()).expect(201);
        assertEquals("revoked", DigiCert.ocsp(o.cert()));
    }

    @Test
    void aPublicKeyInPlaceOfTheCsrIsCertifiedButNotForCodeSigning() {
        DigiCertClient admin = DigiCert.newKey(DigiCert.newOrg());
        java.security.KeyPair k = Pki.rsa(2048);
        String publicKey = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(k.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String cn = cn("public-key");
        JsonObject placed = admin.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(cn, null, publicKey,
                "sha256"), true).build()).expect(201);
        X509Certificate c = DigiCert.certificate(admin, intId(placed, "certificate_id"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(k.getPublic().getEncoded(), c.getPublicKey().getEncoded());
        assertEquals(cn, DigiCert.cn(c));
        assertEquals("csr_invalid_cannot_parse", admin.order("code_signing", DigiCert.order(DigiCert.certificate(null, null,
                publicKey, "sha256"), true).build()).errorCode(400));
    }
}
