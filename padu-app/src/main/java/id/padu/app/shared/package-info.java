/**
 * What every feature shares and no feature owns: RFC 9457 problem details for the REST API
 * ({@link id.padu.app.shared.ApiProblems}, {@code errors: [{field, value, message}]}, and the
 * {@link id.padu.app.shared.ApiErrorHandler} that turns framework errors into them), the display
 * formats of money, rates and WIB times ({@link id.padu.app.shared.Formats}, {@code ${@fmt...}} in
 * templates), the house style of XLSX and PDF exports, and the headers of a file download
 * ({@link id.padu.app.shared.Downloads}), and how durations are written in options and settings
 * ({@link id.padu.app.shared.DurationText}).
 *
 * <p>An open module: it depends on no other module of the app, and every module may use all of it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package id.padu.app.shared;

import org.springframework.modulith.ApplicationModule;
