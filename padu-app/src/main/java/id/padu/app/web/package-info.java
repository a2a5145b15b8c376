/**
 * The page frame only: {@code templates/layout.html} (navigation with a marked place for the
 * dashboard, language switch id/en, htmx from the jar, CSRF header for htmx), the region name in
 * the header, the start page, the locale resolver and the OpenAPI description. What pages and
 * APIs share beyond the frame (formats, problem details, exports) is in {@code id.padu.app.shared}.
 *
 * <p>A new page: {@code <html th:replace="~{layout :: page(~{::title}, ~{::main})}">} with a
 * {@code <main class="content">}; texts in {@code i18n/messages*.properties}.
 */
package id.padu.app.web;
