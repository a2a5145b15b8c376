package id.padu.app.shared;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of Padu's own files and documents (plan files, analysis, simulation and
 * migration JSON, audit values, stored scenario settings). The web API's mapper is Spring's; this
 * one is for the contracts that scripts read, whose bytes must not change with Spring's settings.
 * Big decimals are written as plain digits ({@code 0.0001}, never {@code 1E-4}).
 */
public final class Json {

    /** Reads any JSON and writes compact JSON. */
    public static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /** Writes indented JSON, as the command line prints it. */
    public static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }
}
