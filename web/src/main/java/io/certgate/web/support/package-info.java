/** Plumbing every facade shares: bounded request bodies, request ids, URL normalization. */
package io.certgate.web.support;
