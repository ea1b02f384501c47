/** EST (RFC 7030) for devices enrolling themselves: translates to the binding module's enroll and re-enroll. */
package io.certgate.web.est;
