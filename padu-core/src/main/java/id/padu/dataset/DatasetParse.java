package id.padu.dataset;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.IpPrefix;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Offer;
import id.padu.domain.OnlineService;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One reading of a dataset: receives its tables in any order, checks each row as it comes,
 * and resolves what crosses files (agency codes) in {@link #finish()}.
 */
final class DatasetParse implements TableVisitor {

    private static final Pattern CODE = Pattern.compile(Agency.CODE_PATTERN);

    /** A network of an agency, kept to find networks claimed by two agencies. */
    private record Claim(String code, long line, IpPrefix prefix) {
    }

    /** A reference to an agency code, kept to be resolved once agencies.csv has been read. */
    private record Ref(String file, long line, String code) {
    }

    final Problems problems = new Problems();
    private final Map<String, Long> rowCounts = new HashMap<>();
    private final Map<TableKind, String> seen = new EnumMap<>(TableKind.class);

    private final List<Agency> agencies = new ArrayList<>();
    private final Map<String, Long> agencyLines = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Offer> offers = new ArrayList<>();
    private final Map<List<Object>, Long> offerLines = new HashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, Long> linkLines = new HashMap<>();
    private final List<OnlineService> services = new ArrayList<>();
    private final List<Ref> refs = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();
    private String agenciesFileName;
    /** Whether agencies.csv could be read; if not, references to it are not reported one by one. */
    private boolean agenciesUsable;
    private final SettingsParser settings = new SettingsParser();
    private final UsageCollector usage = new UsageCollector(problems);
    /** Running sums of the money columns, per file and column: none may pass {@link Rupiah#MAX_IDR}. */
    private final Map<String, Long> columnTotals = new HashMap<>();

    @Override
    public RowHandler table(String name, boolean decimalComma) {
        TableKind kind = TableKind.of(name);
        if (kind == null) {
            problems.warn(name, 0, null, null, "file.unknown");
            return null;
        }
        if (kind == TableKind.USAGE) {
            seen.putIfAbsent(kind, name);
            return usage.table(name, rowCounts);
        }
        String earlier = seen.putIfAbsent(kind, name);
        if (earlier != null) {
            problems.error(name, 0, null, null, "file.twice", earlier);
            return null;
        }
        return new SmallTable(kind, name, decimalComma);
    }

    @Override
    public void failed(String name, long line, String key, Object... args) {
        problems.error(name, line, null, null, key, args);
    }

    /** The rows of one of the small files, checked as they come. */
    private final class SmallTable implements RowHandler {
        private final TableKind kind;
        private final String file;
        private final boolean decimalComma;
        private Header header;
        private Cells cells;
        private long count;

        SmallTable(TableKind kind, String file, boolean decimalComma) {
            this.kind = kind;
            this.file = file;
            this.decimalComma = decimalComma;
        }

        @Override
        public void row(Row row) {
            if (header == null) {
                if (!row.isBlank()) {
                    header = Header.of(kind, file, row, problems);
                    headerWidth = row.size();
                    cells = new Cells(kind, file, header, decimalComma, problems);
                }
                return;
            }
            if (row.isBlank()) {
                return;
            }
            count++;
            if (!header.complete) {
                return;
            }
            cells.start(row);
            for (int i = headerWidth; i < row.size(); i++) {
                if (!row.isEmpty(i)) {
                    // data right of the last header cell: most likely a value split by a stray separator
                    cells.error(null, row.text(i), "row.extraCell", i + 1, headerWidth);
                    break; // the row is still read, so that its agency code is known to the other files
                }
            }
            switch (kind) {
                case AGENCIES -> agency(cells);
                case SUBSCRIPTIONS -> subscription(cells);
                case OFFERS -> offer(cells);
                case LINKS -> link(cells);
                case SERVICES -> service(cells);
                case SETTINGS -> settings.row(cells, problems, file);
                default -> throw new IllegalStateException(kind.name());
            }
        }

        private int headerWidth;

        @Override
        public void end() {
            if (header == null) {
                problems.error(file, 0, null, null, "file.empty");
                return;
            }
            rowCounts.put(file, count);
            if (kind == TableKind.AGENCIES) {
                agenciesUsable = header.complete;
            }
            if (kind == TableKind.AGENCIES && count == 0) {
                problems.error(file, 0, null, null, "agencies.none");
            }
        }
    }

    private void agency(Cells c) {
        String code = c.required("code");
        if (code != null) {
            if (!CODE.matcher(code).matches()) {
                c.error("code", code, "agency.codeSyntax");
            } else {
                Long first = agencyLines.putIfAbsent(code, c.line());
                if (first != null) {
                    c.error("code", code, "agency.duplicate", first);
                }
            }
        }
        String name = c.required("name");
        AgencyKind kind = c.enumValue("kind", false, AgencyKind::fromCode, allowed(AgencyKind.values()));
        Priority priority = c.enumValue("priority", false, Priority::fromCode, allowed(Priority.values()));
        List<IpPrefix> prefixes = c.prefixes("prefixes");
        agenciesFileName = c.file();
        if (code != null) {
            for (IpPrefix p : prefixes) {
                claims.add(new Claim(code, c.line(), p));
            }
        }
        if (c.ok()) {
            agencies.add(new Agency(code, name, kind, priority, prefixes));
        }
    }

    private void subscription(Cells c) {
        String agency = c.required("agency");
        String provider = c.required("provider");
        String product = c.required("product");
        ConnectionKind kind = c.enumValue("kind", true, ConnectionKind::fromCode, allowed(ConnectionKind.values()));
        BitRate down = c.mbps("down_mbps", true, false);
        BitRate up = c.mbps("up_mbps", true, false);
        Rupiah monthly = c.money("monthly_cost_idr", true);
        Rupiah install = c.money("install_cost_idr", false);
        LocalDate start = c.date("start_date");
        LocalDate end = c.date("end_date");
        if (start != null && end != null && end.isBefore(start)) {
            c.error("end_date", end.toString(), "date.endBeforeStart", start.toString());
        }
        Rupiah penalty = c.money("exit_penalty_idr", false);
        total(c, "monthly_cost_idr", monthly);
        total(c, "install_cost_idr", install);
        total(c, "exit_penalty_idr", penalty);
        if (agency != null) {
            refs.add(new Ref(c.file(), c.line(), agency));
        }
        if (c.ok()) {
            subscriptions.add(new Subscription(agency, provider, product, kind, down, up, monthly, install, start, end, penalty));
        }
    }

    private void offer(Cells c) {
        String provider = c.required("provider");
        String product = c.required("product");
        ConnectionKind kind = c.enumValue("kind", true, ConnectionKind::fromCode, allowed(ConnectionKind.values()));
        BitRate down = c.mbps("down_mbps", true, true);
        BitRate up = c.mbps("up_mbps", false, false);
        Rupiah monthly = c.money("monthly_cost_idr", true);
        Rupiah install = c.money("install_cost_idr", false);
        total(c, "monthly_cost_idr", monthly);
        total(c, "install_cost_idr", install);
        Long term = c.integer("min_term_months", false);
        if (term != null && term > 600) {
            c.error("min_term_months", term.toString(), "value.tooLarge");
        }
        BigDecimal sla = c.decimal("sla_pct", false);
        if (sla != null && (sla.signum() <= 0 || sla.compareTo(BigDecimal.valueOf(100)) > 0)) {
            c.error("sla_pct", c.optional("sla_pct"), "offer.sla");
        }
        // One product may come in several capacity steps (one row each; the planner picks at most
        // one step per product), so a duplicate is the same step of the same product twice.
        if (provider != null && product != null && down != null) {
            Long first = offerLines.putIfAbsent(List.of(provider, product, down, up == null ? down : up), c.line());
            if (first != null) {
                c.error("product", product, "offer.duplicate", provider, first);
            }
        }
        if (c.ok()) {
            offers.add(new Offer(provider, product, kind, down, up, monthly, install,
                    term == null ? Offer.DEFAULT_MIN_TERM_MONTHS : term.intValue(), sla == null ? null : sla.doubleValue()));
        }
    }

    private void link(Cells c) {
        String agency = c.required("agency");
        LinkType type = c.enumValue("link_type", true, LinkType::fromCode, allowed(LinkType.values()));
        Rupiah monthly = c.money("monthly_cost_idr", true);
        Rupiah install = c.money("install_cost_idr", false);
        BitRate capacity = c.mbps("capacity_mbps", false, true);
        total(c, "monthly_cost_idr", monthly);
        total(c, "install_cost_idr", install);
        if (agency != null) {
            refs.add(new Ref(c.file(), c.line(), agency));
            Long first = linkLines.putIfAbsent(agency, c.line());
            if (first != null) {
                c.error("agency", agency, "link.duplicate", first);
            }
        }
        if (c.ok()) {
            links.add(new Link(agency, type, monthly, install, capacity));
        }
    }

    /**
     * Adds a money cell to its column's sum; the row where the sum first passes
     * {@link Rupiah#MAX_IDR} is an error (the rows after it are not: one error says it).
     */
    private void total(Cells c, String column, Rupiah amount) {
        if (amount == null) {
            return;
        }
        String key = c.file() + "\u0000" + column;
        long before = columnTotals.getOrDefault(key, 0L);
        if (before > Rupiah.MAX_IDR) {
            return;
        }
        long after = before + amount.value(); // both at most MAX_IDR: no overflow
        columnTotals.put(key, after);
        if (after > Rupiah.MAX_IDR) {
            c.error(column, Long.toString(amount.value()), "value.totalTooLarge", Rupiah.format(Rupiah.MAX_IDR));
        }
    }

    private void service(Cells c) {
        String agency = c.required("agency");
        String name = c.required("name");
        Priority criticality = c.enumValue("criticality", false, Priority::fromCode, allowed(Priority.values()));
        String hostname = c.optional("hostname");
        if (hostname != null && !DatasetRules.isHostname(hostname)) {
            c.error("hostname", hostname, "service.hostname");
        }
        String ip = c.optional("public_ip");
        if (ip != null && !DatasetRules.isIpAddress(ip)) {
            c.error("public_ip", ip, "service.ip");
        }
        if (agency != null) {
            refs.add(new Ref(c.file(), c.line(), agency));
        }
        if (c.ok()) {
            services.add(new OnlineService(agency, name, criticality, hostname, ip));
        }
    }

    private static String allowed(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** After the last table: required files, agency references, usage grids. */
    DatasetReader.Result finish() throws DatasetException {
        for (TableKind k : TableKind.values()) {
            if (k.required && !seen.containsKey(k)) {
                problems.error(k.fileName(), 0, null, null, "file.missing");
            }
        }
        if (!agenciesUsable) {
            refs.clear();
        }
        for (Ref r : refs) {
            if (!agencyLines.containsKey(r.code())) {
                problems.error(r.file(), r.line(), "agency", r.code(), "agency.unknown", agenciesFile());
            }
        }
        for (Map.Entry<String, long[]> e : usage.firstLines().entrySet()) {
            if (agenciesUsable && !agencyLines.containsKey(e.getKey())) {
                problems.error(usage.firstFile(e.getKey()), e.getValue()[1], "agency", e.getKey(), "usage.unknownAgency",
                        agenciesFile(), e.getValue()[0]);
            }
        }
        overlappingNetworks();
        Map<String, UsageSeries> series = usage.build(new ArrayList<>(agencyLines.keySet()), agencyLines.keySet());
        if (problems.hasErrors()) {
            throw new DatasetException(problems.errors(), problems.warnings());
        }
        Dataset dataset = new Dataset(agencies, subscriptions, offers, seen.containsKey(TableKind.LINKS) ? links : null,
                services, series, settings.settings());
        Map<String, Long> counts = new java.util.TreeMap<>(java.util.Comparator
                .comparingInt(TableKind::rank).thenComparing(java.util.Comparator.naturalOrder()));
        counts.putAll(rowCounts);
        return new DatasetReader.Result(dataset, problems.warnings(), counts);
    }

    /**
     * Networks of two agencies that overlap: allowed (a unit inside a bigger network, with the
     * longest prefix winning), but worth a warning, because flows in the overlap are attributed
     * by prefix length alone and a typo looks just like this.
     */
    private void overlappingNetworks() {
        for (int i = 0; i < claims.size(); i++) {
            Claim a = claims.get(i);
            for (int j = 0; j < i; j++) {
                Claim b = claims.get(j);
                if (a.code().equals(b.code()) || a.prefix().isIpv6() != b.prefix().isIpv6()) {
                    continue;
                }
                if (a.prefix().contains(b.prefix().networkBytes()) || b.prefix().contains(a.prefix().networkBytes())) {
                    problems.warn(agenciesFileName, a.line(), "prefixes", a.prefix().toString(), "agency.prefixOverlap",
                            b.prefix().toString(), b.code(), b.line());
                }
            }
        }
    }

    private String agenciesFile() {
        return seen.getOrDefault(TableKind.AGENCIES, TableKind.AGENCIES.fileName());
    }
}
