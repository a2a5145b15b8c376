package id.padu.telemetry.flow;

/**
 * A snapshot of a decoder's counters (or the sum of several decoders').
 *
 * @param packets               export packets handed to the decoder
 * @param records               flow data records decoded
 * @param optionRecords         options data records decoded (sampling, system init time ...)
 * @param setsWithoutTemplate   data sets that arrived before (or without) their template: counted,
 *                              never guessed; their records cannot be counted without the template
 * @param bytesWithoutTemplate  payload bytes of those sets
 * @param decodeErrors          malformed packets, sets, templates or records
 * @param sequenceGaps          forward jumps of an exporter's sequence numbers
 * @param templatesRejected     templates refused because an exporter reached its template cap
 *                              (also counted in decodeErrors)
 * @param exportersRejected     packets from new exporters refused because the exporter cap was
 *                              reached (also counted in decodeErrors)
 */
public record FlowCounters(long packets, long records, long optionRecords, long setsWithoutTemplate,
                           long bytesWithoutTemplate, long decodeErrors, long sequenceGaps,
                           long templatesRejected, long exportersRejected) {

    public static final FlowCounters ZERO = new FlowCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public FlowCounters plus(FlowCounters o) {
        return new FlowCounters(packets + o.packets, records + o.records, optionRecords + o.optionRecords,
                setsWithoutTemplate + o.setsWithoutTemplate, bytesWithoutTemplate + o.bytesWithoutTemplate,
                decodeErrors + o.decodeErrors, sequenceGaps + o.sequenceGaps,
                templatesRejected + o.templatesRejected, exportersRejected + o.exportersRejected);
    }
}
