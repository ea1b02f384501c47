package io.certgate.web.symantec;

import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.NodeList;

/**
 * SOAP 1.1 names who is at fault: a CertManager fault for the caller's mistake (every StatusCode but 0x99, internal
 * error) is {@code soap:Client}; JAX-WS made every fault of a service exception {@code soap:Server}, so clients took
 * their own mistakes for the server's and retried them (issue 18, interop).
 */
public class ClientFaults implements SOAPHandler<SOAPMessageContext> {

    static final String API = "urn:symantec:api";

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return true;
        }
        try {
            SOAPFault fault = context.getMessage().getSOAPBody().getFault();
            if (fault != null && fault.getDetail() != null) {
                NodeList codes = fault.getDetail().getElementsByTagNameNS(API, "StatusCode");
                String code = codes.getLength() == 0 ? null : codes.item(0).getTextContent();
                if (code != null && !SymantecStatus.INTERNAL_ERROR.code().equals(code.trim())) {
                    String prefix = fault.getFaultCodeAsQName().getPrefix();
                    fault.setFaultCode(new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Client",
                            prefix == null || prefix.isEmpty() ? "soap" : prefix));
                }
            }
        } catch (SOAPException e) {
            // the fault goes as it is
        }
        return true;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }
}
