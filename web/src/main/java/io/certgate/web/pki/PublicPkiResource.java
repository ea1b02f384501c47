package io.certgate.web.pki;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CrlPublisher;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** GET /enos/CA/cacert[/RSA|/ECC] (PEM) and /enos/CA/crl/{RSA|ECC} (DER), as certificates point at them. */
@Path("enos/CA")
public class PublicPkiResource {

    static final String PEM = "application/x-pem-file";

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private CrlPublisher crls;

    @GET
    @Path("cacert")
    @Produces(PEM)
    public String allRoots() {
        return authorities.certificatePem(IssueAuthority.RSA) + authorities.certificatePem(IssueAuthority.ECC);
    }

    @GET
    @Path("cacert/{authority}")
    @Produces(PEM)
    public String root(@PathParam("authority") String authority) {
        return authorities.certificatePem(authority(authority));
    }

    @GET
    @Path("crl/{authority}")
    @Produces("application/pkix-crl")
    public Response crl(@PathParam("authority") String authority) {
        return Response.ok(crls.currentCrl(authority(authority)))
                .header("Cache-Control", "max-age=60").build();
    }

    private static IssueAuthority authority(String value) {
        return IssueAuthority.parse(value).orElseThrow(NotFoundException::new);
    }
}
