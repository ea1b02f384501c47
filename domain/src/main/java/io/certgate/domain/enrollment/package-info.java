/** Enrollment transactions of the enterprise facades: who asked for what certificate, and the outcome. */
package io.certgate.domain.enrollment;
