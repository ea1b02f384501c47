package io.certgate.web.digicert.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The key's account: products, organization, domains and their DCV (DigiCertAccountResource, DigiCertViews). */
public final class DigiCertAccount {

    private DigiCertAccount() {
    }

    @Schema(name = "DigiCertProduct")
    public static class Product {
        @Schema(required = true)
        public int id;

        @Schema(name = "name_id", required = true, example = "private_ssl_plus")
        public String nameId;

        @Schema(required = true)
        public String name;

        @Schema(required = true, example = "private_ssl_certificate")
        public String type;

        @Schema(name = "validation_type", required = true, enumeration = {"private", "ov"})
        public String validationType;
    }

    @Schema(name = "DigiCertProductDetails", description = "a product with the CAs and hashes an order may name")
    public static class ProductDetails extends Product {
        @Schema(name = "group_name", required = true)
        public String groupName;

        @Schema(name = "allowed_ca_certs", required = true,
                description = "the organization's issuing CAs (intermediates) that sign now: RSA, then ECC")
        public List<CaCert> allowedCaCerts;

        @Schema(name = "default_ca_cert", required = true)
        public CaCert defaultCaCert;

        @Schema(name = "allowed_validity_years", required = true)
        public List<Integer> allowedValidityYears;

        @Schema(name = "signature_hash_types", required = true)
        public HashTypes signatureHashTypes;
    }

    @Schema(name = "DigiCertProductList")
    public static class ProductList {
        @Schema(required = true)
        public List<ProductDetails> products;
    }

    @Schema(name = "DigiCertCaCert")
    public static class CaCert {
        @Schema(required = true, description = "ca_cert_id: the first 16 hex digits of the SHA-256 of the issuing "
                + "(intermediate) CA's certificate")
        public String id;

        @Schema(required = true, description = "the issuing CA's common name", example = "certgate RSA Issuing CA G1")
        public String name;
    }

    @Schema(name = "DigiCertHashTypes")
    public static class HashTypes {
        @Schema(name = "allowed_hash_types", required = true)
        public List<HashType> allowedHashTypes;

        @Schema(name = "default_hash_type_id", required = true, example = "sha256")
        public String defaultHashTypeId;
    }

    @Schema(name = "DigiCertHashType")
    public static class HashType {
        @Schema(required = true, example = "sha256")
        public String id;

        @Schema(required = true, example = "SHA256")
        public String name;
    }

    @Schema(name = "DigiCertOrganization", description = "the key's organization (certgate's orgId as its name)")
    public static class Organization {
        @Schema(required = true, description = "an integer derived from the orgId")
        public long id;

        @Schema(required = true)
        public String name;

        @Schema(name = "display_name", required = true)
        public String displayName;

        @Schema(required = true, example = "active")
        public String status;

        @Schema(name = "is_active", required = true)
        public boolean active;
    }

    @Schema(name = "DigiCertOrganizationList")
    public static class OrganizationList {
        @Schema(required = true)
        public List<Organization> organizations;

        @Schema(required = true)
        public Page page;
    }

    @Schema(name = "DigiCertPage")
    public static class Page {
        @Schema(required = true)
        public int total;

        @Schema(required = true)
        public int limit;

        @Schema(required = true)
        public int offset;
    }

    @Schema(name = "DigiCertDomain")
    public static class Domain {
        @Schema(required = true)
        public long id;

        @Schema(name = "is_active", required = true)
        public boolean active;

        @Schema(required = true)
        public String name;

        @Schema(name = "date_created", required = true)
        public String dateCreated;

        @Schema(required = true)
        public Organization organization;

        @Schema(name = "dcv_status", required = true, enumeration = {"complete", "pending"})
        public String dcvStatus;

        @Schema(name = "dcv_method", description = "once validated: how")
        public String dcvMethod;

        @Schema(name = "dcv_date", description = "once validated: when (RFC 3339)")
        public String dcvDate;
    }

    @Schema(name = "DigiCertDomainList")
    public static class DomainList {
        @Schema(required = true)
        public List<Domain> domains;
    }

    @Schema(name = "DigiCertDcvMethodChosen")
    public static class DcvMethodChosen {
        @Schema(name = "dcv_method", required = true)
        public String dcvMethod;

        @Schema(name = "dcv_token", description = "token methods: the token to publish")
        public DcvToken dcvToken;
    }

    @Schema(name = "DigiCertDcvToken")
    public static class DcvToken {
        @Schema(required = true)
        public String token;

        @Schema(required = true, enumeration = {"valid", "pending"})
        public String status;
    }

    @Schema(name = "DigiCertDcvValid")
    public static class DcvValid {
        @Schema(name = "dcv_status", required = true, enumeration = "valid")
        public String dcvStatus;
    }

    @Schema(name = "DigiCertChain", description = "the certificate, then its issuing CA, then the root")
    public static class Chain {
        @Schema(required = true)
        public List<DigiCertOrders.ChainEntry> intermediates;
    }
}
