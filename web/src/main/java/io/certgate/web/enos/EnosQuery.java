package io.certgate.web.enos;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that name the organization and the device (or product) of an EnOS call, declared for the
 * OpenAPI document: the resources read them through {@link EnosRequest}, which also looks in the JSON body (the SDK's
 * form), so these fields are not read.
 */
public class EnosQuery {

    @QueryParam("orgId")
    @Parameter(description = "the caller's organization: mandatory, here or in the JSON body (the SDK's form); another "
            + "organization's answers 11404")
    String orgId;

    @QueryParam("assetId")
    @Parameter(description = "the device by assetId (or productKey + deviceKey; or the body's device object)")
    String assetId;

    @QueryParam("productKey")
    @Parameter(description = "the device's productKey (products: the product)")
    String productKey;

    @QueryParam("deviceKey")
    @Parameter(description = "the device's deviceKey, with productKey")
    String deviceKey;

    /** Products name no device: only orgId and productKey. */
    public static class OfProduct {

        @QueryParam("orgId")
        @Parameter(description = "the caller's organization: mandatory, here or in the JSON body; another "
                + "organization's answers 11404")
        String orgId;

        @QueryParam("productKey")
        @Parameter(description = "get: the product (or in the JSON body)")
        String productKey;
    }
}
