package id.padu.app.cli;

import id.padu.app.shared.Json;
import id.padu.migration.Cutover;
import id.padu.migration.MaintenanceWindow;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.Text;
import id.padu.migration.Wave;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code padu migrate plan DIR --plan PLAN.json}: the cutover schedule as a table or as JSON
 * ({@code optimal}, {@code waves[]} with {@code week} = that ISO week's Monday and
 * {@code agencies[]} with {@code code}, {@code cutoverDate}, {@code reason}; all fields in {@link ScheduleJson}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Schedule every central agency's cutover into a maintenance window, at least cost under the risk rules.",
                "Jadwalkan cutover setiap instansi pusat ke jendela pemeliharaan, dengan biaya terendah di bawah aturan risiko."})
public class MigratePlanCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Mixin
    MigrationInputOptions inputs;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default table).")
    String format;


    @Override
    public Integer call() {
        Locale locale = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json")) {
            err.println(Text.of("cli.usage.format", format, "table|json").format(locale));
            return PaduCommand.EXIT_USAGE;
        }
        MigrationInputs in;
        try {
            in = MigrationInputs.load(inputs.dir, inputs.planFile, inputs.sets, inputs.stateFile, inputs.asOf, locale, err);
        } catch (MigrationInputs.Stop stop) {
            return stop.exitCode;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(Json.PRETTY.writeValueAsString(ScheduleJson.of(in.schedule, locale)));
        } else {
            table(in.schedule, locale, out);
        }
        out.flush();
        return PaduCommand.EXIT_OK;
    }

    /**
     * The JSON contract of {@code padu migrate plan --format json}, field by field in the order
     * of the output. Money in whole Rupiah, dates as {@code yyyy-mm-dd}, times in WIB. Scripts
     * read this: a field added is a change of the contract, so add it at the end of its object.
     *
     * @param optimal         the schedule is proven least cost under the rules
     * @param gap             relative distance of totalCostIdr to the best lower bound; 0 when optimal
     * @param totalCostIdr    exit penalties plus subscriptions paid twice, over all cutovers
     * @param penaltyIdr      the exit penalties of all cutovers
     * @param paidTwiceIdr    what all cutovers pay twice (old line and central uplink at once)
     * @param earliestDate    first day a cutover could happen
     * @param uplinkReadyDate the day the central uplinks are live (paying twice counts from here)
     * @param cutoversPerWeek at most this many cutovers in one week
     * @param windows         the weekly maintenance windows, e.g. {@code SAT 07:00-13:00}
     * @param waves           the weeks with a cutover, first to last
     */
    record ScheduleJson(boolean optimal, double gap, long totalCostIdr, long penaltyIdr, long paidTwiceIdr,
                        String earliestDate, String uplinkReadyDate, int cutoversPerWeek, List<String> windows,
                        List<WaveJson> waves) {

        static ScheduleJson of(MigrationSchedule s, Locale l) {
            return new ScheduleJson(s.optimal(), s.gap(), s.totalCostIdr(), s.totalPenaltyIdr(), s.totalPaidTwiceIdr(),
                    s.earliest().toString(), s.uplinkReady().toString(), s.cutoversPerWeek(),
                    s.windows().stream().map(MaintenanceWindow::toString).toList(),
                    s.waves().stream().map(w -> WaveJson.of(w, l)).toList());
        }
    }

    /**
     * One week with cutovers.
     *
     * @param week     the Monday of that ISO week
     * @param number   1 for the first week with a cutover
     * @param pilot    the pilot wave: only agencies without critical services
     * @param agencies the cutovers of that week
     */
    record WaveJson(String week, int number, boolean pilot, List<CutoverJson> agencies) {

        static WaveJson of(Wave w, Locale l) {
            return new WaveJson(w.week().toString(), w.number(), w.pilot(),
                    w.cutovers().stream().map(c -> CutoverJson.of(c, l)).toList());
        }
    }

    /**
     * One agency's cutover.
     *
     * @param code             the agency's code
     * @param name             its name
     * @param cutoverDate      the day of the move
     * @param window           the hours of its maintenance window, e.g. {@code 07:00-13:00}; null when none
     * @param critical         the agency hosts critical services
     * @param criticalServices names of those services (empty when low-risk)
     * @param status           where the move stands, e.g. {@code scheduled}
     * @param costIdr          penaltyIdr + paidTwiceIdr
     * @param penaltyIdr       the exit penalty of leaving the old contract on that day
     * @param paidTwiceIdr     the old subscription paid on top of the central uplink from uplinkReadyDate until that day
     * @param reason           why this date, one sentence in the language asked for
     */
    record CutoverJson(String code, String name, String cutoverDate, String window, boolean critical,
                       List<String> criticalServices, String status, long costIdr, long penaltyIdr, long paidTwiceIdr,
                       String reason) {

        static CutoverJson of(Cutover c, Locale l) {
            return new CutoverJson(c.code(), c.name(), c.date().toString(), c.window() == null ? null : c.window().hours(),
                    c.critical(), c.criticalServices(), c.status().code(), c.costIdr(), c.penaltyIdr(), c.paidTwiceIdr(),
                    c.reason(l));
        }
    }

    static void table(MigrationSchedule s, Locale l, PrintWriter out) {
        out.println(Text.of("runbook.schedule.title").format(l));
        out.println(s.optimal() ? Text.of("runbook.schedule.optimal").format(l)
                : Text.of("runbook.schedule.gap", String.format(Locale.ROOT, "%.2f %%", s.gap() * 100)).format(l));
        out.println(Text.of("runbook.schedule.total", new Text.Money(s.totalCostIdr()), new Text.Money(s.totalPenaltyIdr()),
                new Text.Money(s.totalPaidTwiceIdr())).format(l));
        out.println(Text.of("cli.rules", s.earliest(), s.uplinkReady(), s.cutoversPerWeek(),
                s.windows().stream().map(MaintenanceWindow::toString).toList()).format(l));
        out.println();
        Tables t = new Tables(new boolean[] {false, false, false, false, false, true, false},
                Text.of("cli.h.wave").format(l), Text.of("cli.h.date").format(l), Text.of("cli.h.window").format(l),
                Text.of("cli.h.agency").format(l), Text.of("cli.h.risk").format(l), Text.of("cli.h.cost").format(l),
                Text.of("cli.h.reason").format(l));
        for (Wave w : s.waves()) {
            for (Cutover c : w.cutovers()) {
                String wave = w.number() + (w.pilot() ? "*" : "") + " " + w.week();
                t.row(wave, c.date().toString(), c.window() == null ? "" : c.window().hours(), c.code(),
                        Text.of(c.critical() ? "cli.risk.critical" : "cli.risk.low").format(l),
                        Text.money(c.costIdr(), l), c.reason(l));
            }
        }
        t.print(out);
        out.println();
        out.println(Text.of("cli.legend").format(l));
    }
}
