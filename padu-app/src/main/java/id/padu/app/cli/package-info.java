/**
 * The {@code padu} command ({@link id.padu.app.cli.PaduMain}, picocli): {@code serve} and
 * {@code demo} start the server; every other command ({@code validate}, {@code analyze},
 * {@code plan}, {@code simulate}, {@code shape}, {@code collect}, {@code migrate}, {@code audit},
 * {@code secrets}) calls the core and the modules' plain classes directly, without Spring or a
 * database. A consumer of the modules, never a provider to them ({@code ModularityTest} checks
 * it). Result on standard output, logs on standard error; exit 0 ok, 1 bad input, 2 bad usage.
 */
package id.padu.app.cli;
