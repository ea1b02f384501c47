package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.envision.apim.poseidon.config.PConfig;
import com.envision.apim.poseidon.core.Poseidon;
import com.envisioniot.enos.api.common.constant.common.StringI18n;
import com.envisioniot.enos.connect_service.v2_1.cert.ApplyCertificateRequest;
import com.envisioniot.enos.connect_service.v2_1.cert.ApplyCertificateResponse;
import com.envisioniot.enos.connect_service.v2_1.cert.GetCertificatesRequest;
import com.envisioniot.enos.connect_service.v2_1.cert.GetCertificatesResponse;
import com.envisioniot.enos.connect_service.v2_1.cert.RevokeCertificateRequest;
import com.envisioniot.enos.connect_service.v2_1.cert.RevokeCertificatesResponse;
import com.envisioniot.enos.connect_service.v2_1.device.CreateDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.CreateDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.product.CreateProductRequest;
import com.envisioniot.enos.connect_service.v2_1.product.CreateProductResponse;
import com.envisioniot.enos.connect_service.vo.CertificateStatus;
import com.envisioniot.enos.connect_service.vo.Device;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unmodified EnOS Java SDK (Poseidon + enos-dm-api-pojo) against the running server. */
class EnosSdkIT {

    // The SDK insists on app keys and secrets shaped like "<text>-<hex>": certgate's are UUIDs.

    /** The unmodified SDK plus one header: the bearer token of the organization's service account. */
    private static Poseidon client(String org) {
        return Poseidon.config(PConfig.init().appKey(Enos.account(org).getString("appKey"))
                        .appSecret(Enos.account(org).getString("appSecret"))).url(Http.BASE + "/")
                .header("Authorization", Enos.bearer(org).get("Authorization"));
    }

    @Test
    void createApplyGetRevokeThroughTheSdk() {
        String org = Enos.newOrg();

        CreateProductRequest product = new CreateProductRequest();
        product.setOrgId(org);
        product.setProductName(new StringI18n("sdk product"));
        product.setDataFormat("Json");
        product.setProductType("Device");
        product.setBiDirectionalAuth(true);
        CreateProductResponse productAnswer = client(org).getResponse(product, CreateProductResponse.class);
        assertTrue(productAnswer.success(), productAnswer.getMsg());
        String productKey = productAnswer.getData();

        CreateDeviceRequest createDevice = new CreateDeviceRequest();
        createDevice.setOrgId(org);
        createDevice.setProductKey(productKey);
        createDevice.setDeviceKey("sdk-device-1");
        createDevice.setDeviceName(new StringI18n("sdk device"));
        createDevice.setTimezone("+08:00");
        CreateDeviceResponse deviceAnswer = client(org).getResponse(createDevice, CreateDeviceResponse.class);
        assertTrue(deviceAnswer.success(), deviceAnswer.getMsg());
        assertEquals("sdk-device-1", deviceAnswer.getData().getDeviceKey());
        assertFalse(deviceAnswer.getData().getAssetId().isBlank());

        Device device = new Device();
        device.setProductKey(productKey);
        device.setDeviceKey("sdk-device-1");

        ApplyCertificateRequest apply = new ApplyCertificateRequest();
        apply.setOrgId(org);
        apply.setDevice(device);
        apply.setCsr(Pki.rsaCsr("sdk-device-1"));
        ApplyCertificateResponse applied = client(org).getResponse(apply, ApplyCertificateResponse.class);
        assertEquals(0, applied.getCode(), applied.getMsg());
        X509Certificate cert = Pki.cert(applied.getData().getCert());
        Pki.verifyChain(cert, Pki.root("RSA"));
        assertTrue(applied.getData().getCertChainURL().matches(java.util.regex.Pattern.quote(Http.BASE)
                + "/enos/CA/ca/\\d+/chain"), "the chain above the certificate: " + applied.getData().getCertChainURL());
        String certSn = applied.getData().getCertSN();

        GetCertificatesRequest get = new GetCertificatesRequest();
        get.setOrgId(org);
        get.setDevice(device);
        GetCertificatesResponse got = client(org).getResponse(get, GetCertificatesResponse.class);
        List<CertificateStatus> statuses = got.getData();
        assertEquals(1, statuses.size());
        assertEquals(certSn, statuses.get(0).getCertSN());
        assertEquals(0, statuses.get(0).getCertStatus());

        Device byAsset = new Device();
        byAsset.setAssetId(deviceAnswer.getData().getAssetId());
        RevokeCertificateRequest revoke = new RevokeCertificateRequest();
        revoke.setOrgId(org);
        revoke.setDevice(byAsset);
        revoke.setCertSN(certSn);
        RevokeCertificatesResponse revoked = client(org).getResponse(revoke, RevokeCertificatesResponse.class);
        assertTrue(revoked.success(), revoked.getMsg());

        GetCertificatesResponse after = client(org).getResponse(get, GetCertificatesResponse.class);
        assertEquals(1, after.getData().get(0).getCertStatus());
    }

    @Test
    void errorsReachTheSdkAsCodeAndMessage() {
        String org = Enos.newOrg();
        Device nobody = new Device();
        nobody.setAssetId("noSuchAsset");
        ApplyCertificateRequest apply = new ApplyCertificateRequest();
        apply.setOrgId(org);
        apply.setDevice(nobody);
        apply.setCsr(Pki.rsaCsr("nobody"));
        ApplyCertificateResponse answer = client(org).getResponse(apply, ApplyCertificateResponse.class);
        assertFalse(answer.success());
        assertEquals(11404, answer.getCode());
        assertEquals("Device cannot be found", answer.getMsg());
        assertNull(answer.getData());
    }
}
