/**
 * Integration tests against the running server (started by liberty-maven-plugin before the failsafe run):
 * real HTTP, real CSRs made by BouncyCastle, and real checks of the certificates that come back.
 */
package io.certgate.it;
