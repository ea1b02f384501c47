package io.certgate.it;

import io.certgate.ws.symantec.EnrollRequestType;
import io.certgate.ws.symantec.RenewRequestType;
import io.certgate.ws.symantec.ResponseType;
import io.certgate.ws.symantec.RevokeRequestType;
import io.certgate.ws.symantec.TransactionRequestType;
import io.certgate.ws.symantec.soap.CertManagerPortType;
import io.certgate.ws.symantec.soap.SymantecFault;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;

/** One of the two wires of the CertManager facade, called with the form's field names. */
interface SymantecWire {

    /** What came back: StatusCode, Message, transaction_id, Certificate (null when absent), HTTP status. */
    record Answer(String statusCode, String message, String transactionId, String certificate, int httpStatus) {
        boolean ok() {
            return "0x00".equals(statusCode);
        }

        /** The part both wires must agree on. */
        String outcome() {
            return statusCode + " | " + message.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>") + " | cert="
                    + (certificate != null);
        }
    }

    Answer call(String operation, Map<String, String> fields);

    String name();

    /** Form POST over HTTPS as an RA account (null: no client certificate). */
    static SymantecWire form(String account) {
        RaAccount.awaitClientCertificateTrust();
        return formWith(RaAccount.tls(account));
    }

    /** Form POST over HTTPS with this TLS context (e.g. an RA account made through the admin API). */
    static SymantecWire formWith(javax.net.ssl.SSLContext tls) {
        HttpClient client = HttpClient.newBuilder().sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        return new SymantecWire() {
            @Override
            public Answer call(String operation, Map<String, String> fields) {
                String body = fields.entrySet().stream().filter(e -> e.getValue() != null)
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
                return post(client, RaAccount.HTTPS + "/vswebservices/rest/services/" + operation, body);
            }

            @Override
            public String name() {
                return "form";
            }
        };
    }

    static Answer post(HttpClient client, String url, String body) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String xml = r.body();
            if (!xml.contains("xmlns=\"urn:symantec:api\"") && !xml.contains(":symantec:api")) {
                throw new AssertionError("not a urn:symantec:api answer (" + r.statusCode() + "): " + xml);
            }
            return new Answer(element(xml, "StatusCode"), element(xml, "Message"), element(xml, "transaction_id"),
                    element(xml, "Certificate"), r.statusCode());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("form POST failed: " + e, e);
        }
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + ">(.*?)</(?:\\w+:)?" + name + ">", Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#xD;", "").strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** SOAP over HTTPS with a CXF JAX-WS client built from the ws-contracts WSDL classes. */
    static SymantecWire soap(String account) {
        RaAccount.awaitClientCertificateTrust();
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        f.setServiceClass(CertManagerPortType.class);
        f.setAddress(RaAccount.HTTPS + "/vswebservices/soap/certmanager");
        CertManagerPortType port = (CertManagerPortType) f.create();
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(RaAccount.tls(account));
        tls.setDisableCNCheck(true);
        conduit.setTlsClientParameters(tls);
        return new SymantecWire() {
            @Override
            public Answer call(String operation, Map<String, String> fields) {
                try {
                    ResponseType r = switch (operation) {
                        case "enroll" -> port.enroll(fill(new EnrollRequestType(), fields));
                        case "renew" -> {
                            RenewRequestType req = fill(new RenewRequestType(), fields);
                            req.setOriginalCertificate(fields.get("original_certificate"));
                            req.setOriginalTransactionId(fields.get("original_transaction_id"));
                            req.setOriginalChallenge(fields.get("original_challenge"));
                            yield port.renew(req);
                        }
                        case "pickup" -> port.pickup(tx(fields));
                        case "approve" -> port.approve(tx(fields));
                        case "reject" -> port.reject(tx(fields));
                        case "revoke" -> {
                            RevokeRequestType req = new RevokeRequestType();
                            req.setCertSerial(fields.get("certSerial"));
                            req.setReason(fields.get("reason"));
                            req.setChallenge(fields.get("challenge"));
                            yield port.revoke(req);
                        }
                        default -> throw new IllegalArgumentException(operation);
                    };
                    return new Answer(r.getStatusCode(), r.getMessage(), r.getTransactionId(),
                            r.getCertificate() == null ? null : r.getCertificate().strip(), 200);
                } catch (SymantecFault fault) {
                    return new Answer(fault.getFaultInfo().getStatusCode(), fault.getFaultInfo().getMessage(), null,
                            null, 500);
                }
            }

            @Override
            public String name() {
                return "soap";
            }
        };
    }

    private static <T extends EnrollRequestType> T fill(T r, Map<String, String> f) {
        r.setFirstName(f.get("firstName"));
        r.setLastName(f.get("lastName"));
        r.setEmail(f.get("email"));
        r.setCsr(f.get("csr"));
        r.setCertProductType(f.get("certProductType"));
        r.setServerType(f.get("serverType"));
        r.setValidityPeriod(f.get("validityPeriod"));
        r.setSpecificEndDate(f.get("specificEndDate"));
        r.setChallenge(f.get("challenge"));
        r.setSubjectAltNames(f.get("subject_alt_names"));
        r.setSignatureAlgorithm(f.get("signatureAlgorithm"));
        r.setCtLogOption(f.get("ctLogOption"));
        return r;
    }

    private static TransactionRequestType tx(Map<String, String> f) {
        TransactionRequestType t = new TransactionRequestType();
        t.setTransactionId(f.get("transaction_id"));
        return t;
    }
}
