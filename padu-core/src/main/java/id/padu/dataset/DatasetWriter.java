package id.padu.dataset;

import id.padu.domain.Agency;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.IpPrefix;
import id.padu.domain.Link;
import id.padu.domain.Offer;
import id.padu.domain.OnlineService;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a dataset back in format v1, so that export and re-import give the same dataset:
 * {@code read(write(d))} equals {@code d} for every dataset the reader returns. Usage goes to
 * one {@code usage.csv}, times at WIB (+07:00), steps without a measurement left out.
 */
public final class DatasetWriter {

    private static final List<String> FILES = List.of("agencies", "subscriptions", "offers", "links", "services",
            "settings", "usage");

    private DatasetWriter() {
    }

    /**
     * Writes the CSV files into {@code folder} (created if needed). Every file is written under a
     * temporary name first and renamed only when all are complete, so a failed export leaves the
     * previous files alone. Dataset files the new dataset does not have (e.g. links.csv) are removed.
     */
    public static void writeFolder(Dataset dataset, Path folder) throws IOException {
        Files.createDirectories(folder);
        if (Files.isDirectory(folder.resolve("usage"))) {
            throw new IOException("folder " + folder + " has a usage/ folder of another dataset; choose an empty folder");
        }
        Map<String, Path> written = new LinkedHashMap<>();
        try {
            write(dataset, new CsvSink() {
                @Override
                Writer open(String name) throws IOException {
                    // Not createTempFile: its 0600 mode would survive the rename; this file gets the umask's.
                    Path tmp = folder.resolve("." + name + ".csv.tmp");
                    written.put(name, tmp);
                    return Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                }
            });
        } catch (IOException | RuntimeException e) {
            for (Path tmp : written.values()) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
        for (Map.Entry<String, Path> e : written.entrySet()) {
            Files.move(e.getValue(), folder.resolve(e.getKey() + ".csv"), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : FILES) {
            if (!written.containsKey(name)) {
                Files.deleteIfExists(folder.resolve(name + ".csv"));
            }
        }
    }

    /** Writes a zip of the CSV files at its root; {@code out} is left open. */
    public static void writeZip(Dataset dataset, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        write(dataset, new CsvSink() {
            @Override
            Writer open(String name) throws IOException {
                zip.putNextEntry(new ZipEntry(name + ".csv"));
                return new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8) {
                    @Override
                    public void close() throws IOException {
                        flush();
                        zip.closeEntry();
                    }
                }, 1 << 16);
            }
        });
        zip.finish();
        zip.flush();
    }

    /** Feeds the dataset's tables to any sink (the XLSX workbook writes through this too). */
    public static void write(Dataset d, TableSink sink) throws IOException {
        sink.begin("agencies", List.of("code", "name", "kind", "priority", "prefixes"));
        for (Agency a : d.agencies()) {
            sink.row(new String[] {a.code(), a.name(), a.kind().code(), a.priority().code(),
                    a.prefixes().stream().map(IpPrefix::toString).collect(Collectors.joining(" "))});
        }
        sink.end();
        sink.begin("subscriptions", List.of("agency", "provider", "product", "kind", "down_mbps", "up_mbps",
                "monthly_cost_idr", "install_cost_idr", "start_date", "end_date", "exit_penalty_idr"));
        for (Subscription s : d.subscriptions()) {
            sink.row(new String[] {s.agency(), s.provider(), s.product(), s.kind().code(), mbps(s.down()), mbps(s.up()),
                    idr(s.monthlyCost()), idr(s.installCost()), date(s.startDate()), date(s.endDate()), idr(s.exitPenalty())});
        }
        sink.end();
        sink.begin("offers", List.of("provider", "product", "kind", "down_mbps", "up_mbps", "monthly_cost_idr",
                "install_cost_idr", "min_term_months", "sla_pct"));
        for (Offer o : d.offers()) {
            sink.row(new String[] {o.provider(), o.product(), o.kind().code(), mbps(o.down()), mbps(o.up()),
                    idr(o.monthlyCost()), idr(o.installCost()), Integer.toString(o.minTermMonths()),
                    o.slaPct() == null ? "" : decimal(o.slaPct())});
        }
        sink.end();
        if (d.hasLinksFile()) {
            sink.begin("links", List.of("agency", "link_type", "monthly_cost_idr", "install_cost_idr", "capacity_mbps"));
            for (Link l : d.links()) {
                sink.row(new String[] {l.agency(), l.type().code(), idr(l.monthlyCost()), idr(l.installCost()),
                        l.capacity() == null ? "" : mbps(l.capacity())});
            }
            sink.end();
        }
        sink.begin("services", List.of("agency", "name", "criticality", "hostname", "public_ip"));
        for (OnlineService s : d.services()) {
            sink.row(new String[] {s.agency(), s.name(), s.criticality().code(), Objects.toString(s.hostname(), ""),
                    Objects.toString(s.publicIp(), "")});
        }
        sink.end();
        List<String[]> settings = settingsRows(d.settings());
        if (!settings.isEmpty()) {
            sink.begin("settings", List.of("key", "value"));
            for (String[] row : settings) {
                sink.row(row);
            }
            sink.end();
        }
        if (!d.usage().isEmpty()) {
            sink.begin("usage", UsageCsvWriter.COLUMNS);
            UsageCsvWriter usage = new UsageCsvWriter();
            for (UsageSeries s : d.usage().values()) {
                long[] down = s.downBps();
                long[] up = s.upBps();
                for (int i = 0; i < s.size(); i++) {
                    if (down[i] != UsageSeries.MISSING && up[i] != UsageSeries.MISSING) {
                        sink.row(new String[] {s.agency(), usage.time(s.timeOf(i)), Long.toString(down[i]), Long.toString(up[i])});
                    }
                }
            }
            sink.end();
        }
    }

    /** Known keys that differ from the default, then the unknown ones as given. */
    static List<String[]> settingsRows(Settings s) {
        Settings def = Settings.DEFAULTS;
        List<String[]> rows = new ArrayList<>();
        if (s.quantile() != def.quantile()) {
            rows.add(new String[] {"plan.quantile", decimal(s.quantile())});
        }
        if (s.growth() != def.growth()) {
            rows.add(new String[] {"plan.growth", decimal(s.growth())});
        }
        if (s.targetUtilization() != def.targetUtilization()) {
            rows.add(new String[] {"plan.target_utilization", decimal(s.targetUtilization())});
        }
        if (s.redundancy() != def.redundancy()) {
            rows.add(new String[] {"plan.redundancy", s.redundancy().name().toLowerCase(java.util.Locale.ROOT)});
        }
        if (s.survivableFraction() != def.survivableFraction()) {
            rows.add(new String[] {"plan.survivable_fraction", decimal(s.survivableFraction())});
        }
        if (s.horizonYears() != def.horizonYears()) {
            rows.add(new String[] {"plan.horizon_years", Integer.toString(s.horizonYears())});
        }
        if (s.reserve() != def.reserve()) {
            rows.add(new String[] {"plan.reserve", decimal(s.reserve())});
        }
        if (s.scope() != def.scope()) {
            rows.add(new String[] {"plan.scope", s.scope().name().toLowerCase(java.util.Locale.ROOT)});
        }
        if (s.planStartDate() != null) {
            rows.add(new String[] {"plan.start_date", s.planStartDate().toString()});
        }
        if (s.migrateStartDate() != null) {
            rows.add(new String[] {"migrate.start_date", s.migrateStartDate().toString()});
        }
        if (s.migrateUplinkReadyDate() != null) {
            rows.add(new String[] {"migrate.uplink_ready_date", s.migrateUplinkReadyDate().toString()});
        }
        if (s.cutoversPerWeek() != def.cutoversPerWeek()) {
            rows.add(new String[] {"migrate.cutovers_per_week", Integer.toString(s.cutoversPerWeek())});
        }
        if (!s.migrateWindows().equals(def.migrateWindows())) {
            rows.add(new String[] {"migrate.windows", s.migrateWindows()});
        }
        if (!s.migrateBlackouts().isEmpty()) {
            rows.add(new String[] {"migrate.blackouts", s.migrateBlackouts().stream()
                    .map(r -> r.from() + ".." + r.to()).collect(Collectors.joining(";"))});
        }
        if (s.broadbandShare() != def.broadbandShare()) {
            rows.add(new String[] {"plan.broadband_share", decimal(s.broadbandShare())});
        }
        if (s.minSlaPct() != null) {
            rows.add(new String[] {"plan.min_sla_pct", decimal(s.minSlaPct())});
        }
        if (s.minCirMbps() != def.minCirMbps()) {
            rows.add(new String[] {"plan.min_cir_mbps", decimal(s.minCirMbps())});
        }
        if (!s.mir().equals(def.mir())) {
            rows.add(new String[] {"plan.mir", s.mir().code()});
        }
        if (s.centralBudgetIdr() != null) {
            rows.add(new String[] {"plan.central_budget_idr", Long.toString(s.centralBudgetIdr())});
        }
        s.raw().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(new String[] {e.getKey(), e.getValue()}));
        return rows;
    }

    static String mbps(BitRate r) {
        return BigDecimal.valueOf(r.bps(), 6).stripTrailingZeros().toPlainString();
    }

    static String idr(Rupiah r) {
        return Long.toString(r.value());
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String decimal(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** RFC 4180 CSV with {@code ,}, LF line ends, quotes only where needed ({@link CsvTable#cell}). */
    private abstract static class CsvSink implements TableSink {
        private Writer out;

        abstract Writer open(String name) throws IOException;

        @Override
        public void begin(String name, List<String> columns) throws IOException {
            out = open(name);
            row(columns.toArray(String[]::new));
        }

        @Override
        public void row(String[] cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(CsvTable.cell(cells[i]));
            }
            out.write('\n');
        }

        @Override
        public void end() throws IOException {
            out.close();
            out = null;
        }
    }
}
