package id.padu.app.gateway;

import id.padu.dataset.UsageCsvWriter;
import id.padu.shaping.CounterRates;
import id.padu.shaping.ScriptHeader;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads the gateway's class counters at step boundaries and emits one usage row per agency
 * and step in the dataset's usage format ({@link UsageCsvWriter}; the header is {@link UsageCsvWriter#HEADER}).
 * Upload is the WAN tree (classified by source), download the IFB tree (by destination).
 */
public final class CounterSampler {


    private final ScriptHeader header;
    private final String wan;
    private final String ifb;

    public CounterSampler(String script, String wanOverride, String ifbOverride) throws IOException {
        this.header = ScriptHeader.parse(script);
        if (!header.isPaduScript()) {
            throw new IOException("not a Padu linux-tc script");
        }
        this.wan = wanOverride != null ? wanOverride : header.wanInterface();
        this.ifb = ifbOverride != null ? ifbOverride : header.ifbInterface();
    }

    /** Waits for the next step boundary, then reads at every boundary and emits the rows of each step. */
    public void sample(Duration step, int steps, Consumer<String> rowSink) throws IOException, InterruptedException {
        long stepMillis = step.toMillis();
        long now = System.currentTimeMillis();
        long boundary = (now / stepMillis + 1) * stepMillis;
        sleepUntil(boundary);
        CounterRates.Reading before = read();
        for (int i = 0; i < steps; i++) {
            long stepStart = boundary;
            boundary += stepMillis;
            sleepUntil(boundary);
            CounterRates.Reading after = read();
            for (CounterRates.UsageRow r : CounterRates.rows(header, before, after, stepStart / 1000)) {
                rowSink.accept(format(r));
            }
            before = after;
        }
    }

    private CounterRates.Reading read() throws IOException {
        long at = System.currentTimeMillis();
        var up = Gateway.classes(wan);
        var down = Gateway.classes(ifb);
        // The reading's instant is halfway through the two commands.
        return CounterRates.reading((at + System.currentTimeMillis()) / 2, up, down);
    }

    public static String format(CounterRates.UsageRow r) {
        return new UsageCsvWriter().line(r.agency(), r.timeEpochSecond(), r.downBps(), r.upBps());
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait;
        while ((wait = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(wait);
        }
    }
}
