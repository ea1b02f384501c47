/**
 * The operators' console under {@code /admin/console/} (Jakarta Faces; HTTPS only, the admin API's operators and
 * roles, from web.xml's /admin/* constraint). Operators sign in with a form ({@code SignInPage}), checked by
 * {@code ConsoleAuthentication} with the admin API's identity stores and throttling, into a session of their own with
 * an idle timeout; refusals and errors are the console's own pages ({@code ConsoleErrors}, {@code ErrorPage}). A facade like the others: its beans
 * translate form fields and request parameters into the same EJB calls as the admin API, with the operator's
 * {@code Caller} acting for the organization the page names, so every change is in the audit trail; the rules stay
 * in the EJBs.
 *
 * <p>Read-only pages ({@code *Page}, {@code CertificateSearch}, {@code CertificateDetails}) and changing actions
 * ({@code *Actions}, {@code PendingDecisions}) are separate beans: pages ask {@link io.certgate.web.console.ConsoleGuard}
 * for a reading caller, every action for a changing one naming its {@link io.certgate.web.console.OperatorAction};
 * which operator roles may do what is decided in {@code ConsoleGuard.rolesFor} alone, and pages leave out what the
 * role may not do ({@code ConsoleGuard.may}). A change that shows no secret redirects (POST-redirect-GET,
 * {@code ConsoleNotices} carrying its message); one that shows a secret answers it once, behind a one-shot form
 * token ({@code FormTokens}).
 */
package io.certgate.web.console;
