/** MicroProfile Health checks: what a load balancer asks before sending requests here. */
package io.certgate.web.health;
