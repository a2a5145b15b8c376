/**
 * The page frame and what every page and API shares: {@code templates/layout.html} (navigation
 * with a marked place for the dashboard, language switch id/en, htmx from the jar, CSRF header for
 * htmx), {@link id.padu.app.web.Formats} ({@code ${@fmt.money(...)}}: {@code Rp 1.234.567}, rates,
 * WIB times), {@link id.padu.app.web.ApiProblems} (RFC 9457 problem details with
 * {@code errors: [{field, value, message}]}), the locale resolver and the OpenAPI description.
 *
 * <p>A new page: {@code <html th:replace="~{layout :: page(~{::title}, ~{::main})}">} with a
 * {@code <main class="content">}; texts in {@code i18n/messages*.properties}.
 */
package id.padu.app.web;
