package io.certgate.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the web module's root, so the contracts' paths are served exactly as their documents write them. */
@ApplicationPath("/")
public class CertgateApplication extends Application {
}
