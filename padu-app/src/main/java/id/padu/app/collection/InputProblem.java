package id.padu.app.collection;

/** One problem in a telemetry input file (targets.csv, agencies.csv). */
public record InputProblem(String file, long line, String column, String value, String key, Object... args) {
}
