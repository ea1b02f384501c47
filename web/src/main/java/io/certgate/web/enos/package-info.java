/**
 * The EnOS connect-service facade (v2.0 certificates, v2.1 products and devices), in the documented REST
 * form and in the EnOS Java SDK's form. Answers are always the EnOS envelope {code, msg, requestId, data},
 * errors as HTTP 200 with a non-zero code, because the SDK discards code and msg on any other status.
 */
package io.certgate.web.enos;
