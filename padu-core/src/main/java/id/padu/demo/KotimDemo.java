package id.padu.demo;

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
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The built-in demo: "Kotawaringin Timur (ilustrasi)", an illustration built on public facts
 * (shared/facts): the regency's 31 perangkat daerah plus RSUD dr. Murjani (the "32 OPD"), its 17
 * kecamatan and the two RS Pratama. Agency names, the price ranges and the story (each SOPD
 * spending Rp 30 juta to Rp 400 juta a year, a 20 Mbps package bought where about 10 Mbps is
 * needed, several IndiHome lines next to a dedicated one) come from public reporting; costs per
 * agency, contracts, links, addresses and usage are synthetic, generated from a fixed seed so
 * that the same {@code today} always gives the same dataset.
 */
public final class KotimDemo {

    /** Name shown wherever the demo is displayed. */
    public static final String TITLE = "Kabupaten Kotawaringin Timur (ilustrasi)";

    static final long SEED = 0x4B4F54494DL; // "KOTIM"
    static final int STEP_SECONDS = 300;
    static final int DAYS = 365;
    private static final int SLOTS_PER_DAY = 86_400 / STEP_SECONDS;
    private static final double NOISE_SIGMA = 0.5;
    private static final double ACTIVITY_SPREAD = 0.6;
    /**
     * Log-normal factors with mean 1, drawn once from the seed: indexing this table costs far
     * less than a Gaussian per sample, which keeps the year of 51 agencies well under a second.
     */
    private static final double[] NOISE = noiseTable();

    private static double[] noiseTable() {
        SplittableRandom r = new SplittableRandom(SEED);
        double[] t = new double[4096];
        for (int i = 0; i < t.length; i++) {
            // clipped: a line of a few Mbps does not swing by a factor of ten between two samples;
            // StrictMath, so that every JVM on every machine generates the same demo
            t[i] = Math.min(2.2, Math.max(0.25, StrictMath.exp(NOISE_SIGMA * r.nextGaussian() - NOISE_SIGMA * NOISE_SIGMA / 2)));
        }
        return t;
    }
    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    private KotimDemo() {
    }

    /** How an agency's demand moves over the day and the week. */
    enum Rhythm {
        /** Office hours: Mon-Thu 07:30-16:00, Friday to 16:30 with the Friday-prayer break. */
        OFFICE,
        /** Front-office services (Dukcapil): longer days, Saturday morning, online sync at night. */
        EXTENDED,
        /** Hospitals and disaster management: around the clock, busiest in the day. */
        ROUND_THE_CLOCK
    }

    /** Where an agency sits, which decides what lines and links it can get. */
    enum Place {
        SAMPIT, NEAR, REMOTE, UNREACHABLE
    }

    /**
     * One agency of the scenario. {@code lines}: {@code D<mbps>@<rb per Mbps>} a dedicated line
     * (Telkom, Lintasarta or ICON+), {@code IH<mbps>} an IndiHome line at the public price.
     */
    record Spec(String code, String name, AgencyKind kind, Priority priority, Rhythm rhythm, Place place,
                double upRatio, String lines) {
    }

    static final List<Spec> SPECS = specs();

    private static List<Spec> specs() {
        List<Spec> s = new ArrayList<>();
        AgencyKind D = AgencyKind.DINAS, B = AgencyKind.BADAN;
        Priority C = Priority.CRITICAL, H = Priority.HIGH, N = Priority.NORMAL, L = Priority.LOW;
        Rhythm O = Rhythm.OFFICE;
        Place S = Place.SAMPIT;
        s.add(new Spec("SETDA", "Sekretariat Daerah", AgencyKind.SEKRETARIAT, H, O, S, 0.30, "D50@190 IH100 IH50"));
        s.add(new Spec("SETWAN", "Sekretariat DPRD", AgencyKind.SEKRETARIAT, N, O, S, 0.25, "D30@190 IH50"));
        s.add(new Spec("INSPEKTORAT", "Inspektorat", AgencyKind.INSPEKTORAT, N, O, S, 0.25, "D20@170 IH20"));
        s.add(new Spec("BAPPERIDA", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", B, N, O, S, 0.30, "D20@190 IH20"));
        s.add(new Spec("BAPENDA", "Badan Pendapatan Daerah", B, H, O, S, 0.35, "D30@190 IH50"));
        s.add(new Spec("BKAD", "Badan Keuangan dan Aset Daerah", B, H, O, S, 0.35, "D50@170 IH50"));
        s.add(new Spec("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", B, N, O, S, 0.35, "D30@170 IH20"));
        s.add(new Spec("BPBD", "Badan Penanggulangan Bencana Daerah", B, C, Rhythm.ROUND_THE_CLOCK, S, 0.40, "D20@210 IH20"));
        s.add(new Spec("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", B, L, O, S, 0.25, "D10@250 IH20"));
        s.add(new Spec("SATPOLPP", "Satuan Polisi Pamong Praja", AgencyKind.LAINNYA, N, O, S, 0.30, "D10@250 IH20 IH20"));
        s.add(new Spec("DISDIK", "Dinas Pendidikan", D, N, O, S, 0.30, "D100@180 IH100 IH100"));
        s.add(new Spec("DINKES", "Dinas Kesehatan", D, H, O, S, 0.30, "D50@170 IH50"));
        s.add(new Spec("DPUPRPRKP", "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan Rakyat dan Kawasan Permukiman", D, N, O, S, 0.35, "D50@190 IH100"));
        s.add(new Spec("DPPPAPPKB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", D, N, O, S, 0.25, "D20@200"));
        s.add(new Spec("DLH", "Dinas Lingkungan Hidup", D, N, O, S, 0.25, "D20@190 IH20"));
        s.add(new Spec("DISKOMINFO", "Dinas Komunikasi, Informatika, Statistik dan Persandian", D, H, O, S, 0.60, "D100@240 IH100 IH50"));
        s.add(new Spec("DINSOS", "Dinas Sosial", D, N, O, S, 0.25, "D20@170 IH20"));
        s.add(new Spec("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", D, C, Rhythm.EXTENDED, S, 0.45, "D50@210 IH100"));
        s.add(new Spec("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", D, N, O, S, 0.25, "D20@170 IH20"));
        s.add(new Spec("DISHUB", "Dinas Perhubungan", D, N, O, S, 0.25, "D10@250 IH20"));
        s.add(new Spec("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", D, H, O, S, 0.35, "D30@190 IH50"));
        s.add(new Spec("DISKOPUKM", "Dinas Koperasi dan Usaha Kecil Menengah", D, L, O, S, 0.25, "D10@220 IH50"));
        s.add(new Spec("DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi", D, N, O, S, 0.25, "D20@170"));
        s.add(new Spec("DISTAN", "Dinas Pertanian", D, N, O, S, 0.25, "D20@170 IH20"));
        s.add(new Spec("DISBUN", "Dinas Perkebunan", D, N, O, S, 0.25, "D20@180"));
        s.add(new Spec("DISKAN", "Dinas Perikanan", D, N, O, S, 0.25, "D10@250 IH20"));
        s.add(new Spec("DKP", "Dinas Ketahanan Pangan", D, N, O, S, 0.25, "D10@250 IH20"));
        s.add(new Spec("DISPERINDAG", "Dinas Perindustrian dan Perdagangan", D, N, O, S, 0.25, "D20@180 IH20"));
        s.add(new Spec("DISBUDPAR", "Dinas Kebudayaan dan Pariwisata", D, L, O, S, 0.30, "D10@250 IH20"));
        s.add(new Spec("DISPORA", "Dinas Pemuda dan Olahraga", D, L, O, S, 0.25, "D10@220 IH20"));
        s.add(new Spec("DISPERSIP", "Dinas Perpustakaan dan Kearsipan", D, L, O, S, 0.30, "D10@220 IH20 IH20"));
        s.add(new Spec("RSUD-MURJANI", "RSUD dr. Murjani Sampit", AgencyKind.RSUD, C, Rhythm.ROUND_THE_CLOCK, S, 0.45, "D100@200 IH100 IH100"));
        String[][] kecamatan = {
                {"Antang Kalang", "UNREACHABLE"}, {"Baamang", "SAMPIT"}, {"Bukit Santuai", "UNREACHABLE"},
                {"Cempaga", "NEAR"}, {"Cempaga Hulu", "REMOTE"}, {"Kota Besi", "NEAR"},
                {"Mentawa Baru Ketapang", "SAMPIT"}, {"Mentaya Hilir Selatan", "NEAR"}, {"Mentaya Hilir Utara", "NEAR"},
                {"Mentaya Hulu", "REMOTE"}, {"Parenggean", "REMOTE"}, {"Pulau Hanaut", "REMOTE"},
                {"Seranau", "NEAR"}, {"Telaga Antang", "REMOTE"}, {"Telawang", "REMOTE"},
                {"Teluk Sampit", "REMOTE"}, {"Tualan Hulu", "REMOTE"}};
        for (String[] k : kecamatan) {
            Place place = Place.valueOf(k[1]);
            // in town IndiHome is there and dedicated is cheap; further out only pricier dedicated radio lines
            String lines = switch (place) {
                case SAMPIT -> "D20@170 IH50";
                case NEAR -> "D20@210";
                case REMOTE -> "D10@350 IH20";
                case UNREACHABLE -> "D10@400";
            };
            s.add(new Spec("KEC-" + k[0].toUpperCase(Locale.ROOT).replace(' ', '-'), "Kecamatan " + k[0],
                    AgencyKind.KECAMATAN, N, O, place, 0.30, lines));
        }
        s.add(new Spec("RSP-PARENGGEAN", "RS Pratama Parenggean", AgencyKind.RSUD, C, Rhythm.ROUND_THE_CLOCK, Place.REMOTE, 0.40, "D30@260 IH20"));
        s.add(new Spec("RSP-SAMUDA", "RS Pratama Samuda", AgencyKind.RSUD, C, Rhythm.ROUND_THE_CLOCK, Place.NEAR, 0.40, "D30@240 IH20"));
        return List.copyOf(s);
    }

    /**
     * The demo dataset with one year of 5-minute usage ending the day before {@code today},
     * contracts ending over the two years after it.
     */
    public static Dataset dataset(LocalDate today) {
        List<Agency> agencies = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            Spec spec = SPECS.get(i);
            agencies.add(new Agency(spec.code(), spec.name(), spec.kind(), spec.priority(), prefixes(i, spec)));
            subscriptions.addAll(subscriptions(i, spec, today));
            Link link = link(i, spec);
            if (link != null) {
                links.add(link);
            }
        }
        UsageSeries[] usage = usage(today);
        Map<String, UsageSeries> byAgency = new LinkedHashMap<>();
        for (UsageSeries u : usage) {
            byAgency.put(u.agency(), u);
        }
        return new Dataset(agencies, subscriptions, offers(), links, services(), byAgency, settings(today));
    }

    // ---------------------------------------------------------------- subscriptions

    private static final String[] DEDICATED_PROVIDERS = {"Telkom Indonesia", "Lintasarta", "ICON+"};
    private static final String[] DEDICATED_PRODUCTS = {"Astinet", "Fiber Dedicated Internet", "Internet Dedicated"};

    private static List<Subscription> subscriptions(int index, Spec spec, LocalDate today) {
        List<Subscription> out = new ArrayList<>();
        int line = 0;
        for (String l : spec.lines().split(" ")) {
            // a fixed, agency-dependent spread: same date, same contracts
            int h = Math.floorMod((index + 1) * 7919 + line * 104_729, 1_000_003);
            if (l.startsWith("D")) {
                int at = l.indexOf('@');
                long mbps = Long.parseLong(l.substring(1, at));
                long monthly = mbps * Long.parseLong(l.substring(at + 1)) * 1000L;
                int p = spec.place() == Place.SAMPIT ? h % 3 : (h % 2 == 0 ? 0 : 2);
                LocalDate end = today.plusDays(20 + h % 700);
                // one- or two-year terms that began before today
                LocalDate start = end.minusYears(end.isAfter(today.plusYears(1)) ? 2 : 1 + h % 2);
                // a third of the dedicated contracts charge three months' fees to leave early
                long penalty = h % 3 == 0 ? 3 * monthly : 0;
                out.add(new Subscription(spec.code(), DEDICATED_PROVIDERS[p], DEDICATED_PRODUCTS[p] + " " + mbps + " Mbps",
                        ConnectionKind.DEDICATED, BitRate.ofMbps(mbps), BitRate.ofMbps(mbps), Rupiah.of(monthly),
                        Rupiah.of(h % 2 == 0 ? 2_500_000 : 0), start, end, Rupiah.of(penalty)));
            } else {
                long mbps = Long.parseLong(l.substring(2));
                long monthly = indiHomeMonthly(mbps);
                // IndiHome is mostly month to month; a few lines are still in their first-year term
                boolean term = h % 4 == 1;
                LocalDate end = term ? today.plusDays(15 + h % 300) : null;
                out.add(new Subscription(spec.code(), "Telkom Indonesia", "IndiHome " + mbps + " Mbps",
                        ConnectionKind.BROADBAND, BitRate.ofMbps(mbps), BitRate.ofMbps(mbps), Rupiah.of(monthly),
                        null, term ? end.minusYears(1) : today.minusMonths(6 + h % 30), end,
                        Rupiah.of(term ? 1_000_000 : 0)));
            }
            line++;
        }
        return out;
    }

    /** IndiHome internet-only prices in public reporting: 20/50/100 Mbps Rp 330 rb/560 rb/920 rb. */
    private static long indiHomeMonthly(long mbps) {
        if (mbps == 20) {
            return 330_000;
        }
        if (mbps == 50) {
            return 560_000;
        }
        if (mbps == 100) {
            return 920_000;
        }
        throw new IllegalArgumentException("no public IndiHome price for " + mbps + " Mbps");
    }

    // ---------------------------------------------------------------- catalog, links, services

    private static List<Offer> offers() {
        List<Offer> o = new ArrayList<>();
        // dedicated: Rp per Mbps falling with the step, all within the public Rp 45 rb - 450 rb range
        long[][] astinet = {{100, 22_500_000}, {200, 38_000_000}, {300, 51_000_000}, {500, 75_000_000},
                {1000, 120_000_000}, {2000, 200_000_000}};
        long[][] lintasarta = {{100, 21_000_000}, {200, 36_000_000}, {500, 70_000_000}, {1000, 110_000_000}};
        long[][] iconPlus = {{100, 19_000_000}, {200, 33_000_000}, {500, 64_000_000}, {1000, 98_000_000},
                {2000, 175_000_000}};
        for (long[] a : astinet) {
            o.add(dedicated("Telkom Indonesia", "Astinet " + a[0] + " Mbps", a[0], a[1], 99.5));
        }
        for (long[] a : lintasarta) {
            o.add(dedicated("Lintasarta", "Fiber Dedicated Internet " + a[0] + " Mbps", a[0], a[1], 99.5));
        }
        for (long[] a : iconPlus) {
            o.add(dedicated("ICON+", "Internet Dedicated " + a[0] + " Mbps", a[0], a[1], 99.0));
        }
        // broadband: cheap, shared, no SLA; useful as a backup path
        o.add(new Offer("Telkom Indonesia", "IndiHome 100 Mbps", ConnectionKind.BROADBAND, BitRate.ofMbps(100),
                BitRate.ofMbps(100), Rupiah.of(920_000), Rupiah.of(500_000), 12, null));
        o.add(new Offer("ICON+", "Iconnet 100 Mbps", ConnectionKind.BROADBAND, BitRate.ofMbps(100),
                BitRate.ofMbps(100), Rupiah.of(427_000), Rupiah.of(350_000), 12, null));
        o.add(new Offer("Biznet", "Metronet 100 Mbps", ConnectionKind.BROADBAND, BitRate.ofMbps(100),
                BitRate.ofMbps(100), Rupiah.of(1_000_000), Rupiah.ZERO, 12, null));
        return o;
    }

    private static Offer dedicated(String provider, String product, long mbps, long monthly, double sla) {
        return new Offer(provider, product, ConnectionKind.DEDICATED, BitRate.ofMbps(mbps), BitRate.ofMbps(mbps),
                Rupiah.of(monthly), Rupiah.of(mbps >= 1000 ? 15_000_000 : 7_500_000), 12, sla);
    }

    /**
     * Offices in Sampit reach the hub over the regency's fiber; kecamatan nearby over radio
     * (some of it too narrow for their peaks); remote ones over a VPN on their local line;
     * Antang Kalang and Bukit Santuai (VSAT country) have no path and keep their own internet.
     */
    private static Link link(int index, Spec spec) {
        return switch (spec.place()) {
            case SAMPIT -> new Link(spec.code(), LinkType.FIBER, Rupiah.of(750_000), Rupiah.of(15_000_000), null);
            case NEAR -> new Link(spec.code(), LinkType.RADIO, Rupiah.of(1_500_000), Rupiah.of(25_000_000),
                    BitRate.ofMbps(index % 2 == 0 && spec.kind() != AgencyKind.RSUD ? 10 : 50));
            case REMOTE -> new Link(spec.code(), LinkType.VPN, Rupiah.of(300_000), Rupiah.of(2_000_000),
                    BitRate.ofMbps(spec.kind() == AgencyKind.RSUD ? 30 : 10));
            case UNREACHABLE -> null;
        };
    }

    private static List<OnlineService> services() {
        String[][] s = {
                {"DISKOMINFO", "Portal Kabupaten", "high", "kotimkab.go.id", "203.0.113.10"},
                {"DISKOMINFO", "PPID", "normal", "ppid.kotimkab.go.id", "203.0.113.11"},
                {"DISKOMINFO", "Mail", "high", "mail.kotimkab.go.id", "203.0.113.12"},
                {"BKPSDM", "SIMPEG", "high", "simpeg.kotimkab.go.id", "203.0.113.20"},
                {"BKPSDM", "e-Kinerja", "high", "ekinerja.kotimkab.go.id", "203.0.113.21"},
                {"BKAD", "SIPKD", "critical", "sipkd.kotimkab.go.id", "203.0.113.30"},
                {"BAPENDA", "Pajak Daerah Online", "high", "pajak.kotimkab.go.id", "203.0.113.35"},
                {"DISDUKCAPIL", "Layanan Dukcapil", "critical", "dukcapil.kotimkab.go.id", "203.0.113.40"},
                {"RSUD-MURJANI", "SIMRS", "critical", "simrs.rsudmurjani.kotimkab.go.id", "203.0.113.50"},
                {"RSUD-MURJANI", "Pendaftaran Online", "high", "daftar.rsudmurjani.kotimkab.go.id", "203.0.113.51"},
                {"SETDA", "LPSE", "high", "lpse.kotimkab.go.id", "203.0.113.60"},
                {"SETDA", "JDIH", "normal", "jdih.kotimkab.go.id", "203.0.113.61"},
                {"BAPPERIDA", "e-Planning", "normal", "eplanning.kotimkab.go.id", "203.0.113.65"},
                {"DPMPTSP", "Perizinan Online", "high", "perizinan.kotimkab.go.id", "203.0.113.70"},
                {"DISDIK", "Website Dinas Pendidikan", "low", "disdik.kotimkab.go.id", "203.0.113.75"},
                {"BPBD", "Info Bencana", "critical", "bpbd.kotimkab.go.id", "203.0.113.80"},
                {"DINKES", "Website Dinas Kesehatan", "low", "dinkes.kotimkab.go.id", null},
        };
        List<OnlineService> out = new ArrayList<>();
        for (String[] r : s) {
            out.add(new OnlineService(r[0], r[1], Priority.fromCode(r[2]).orElseThrow(), r[3], r[4]));
        }
        return out;
    }

    /** A private IPv4 /24 per agency (the hospital a /22), IPv6 for the few agencies that have it. */
    private static List<IpPrefix> prefixes(int index, Spec spec) {
        List<IpPrefix> p = new ArrayList<>();
        if (spec.code().equals("RSUD-MURJANI")) {
            p.add(IpPrefix.parse("10.50.0.0/22").orElseThrow());
        } else {
            p.add(IpPrefix.parse("10.20." + (index + 1) + ".0/24").orElseThrow());
        }
        if (List.of("DISKOMINFO", "SETDA", "DISDUKCAPIL", "RSUD-MURJANI").contains(spec.code())) {
            p.add(IpPrefix.parse("2001:db8:6a0:" + Integer.toHexString(index + 1) + "::/64").orElseThrow());
        }
        return p;
    }

    private static Settings settings(LocalDate today) {
        LocalDate uplinkReady = today.plusDays(60);
        List<Settings.DateRange> blackouts = new ArrayList<>();
        // budget closing at the end of the fiscal year, and the Idul Fitri week
        int year = today.getMonthValue() == 12 && today.getDayOfMonth() > 20 ? today.getYear() + 1 : today.getYear();
        blackouts.add(new Settings.DateRange(LocalDate.of(year, 12, 15), LocalDate.of(year, 12, 31)));
        for (LocalDate fitri : Holidays.IDUL_FITRI) {
            if (fitri.isAfter(today)) {
                blackouts.add(new Settings.DateRange(fitri.minusDays(7), fitri.plusDays(7)));
                break;
            }
        }
        String windows = "SAT 07:00-13:00;SUN 07:00-13:00";
        return new Settings(0.95, 0.20, 0.80, Redundancy.DUAL, 0.60, 3, 0.10, PlanScope.OPTIMIZE, today, today,
                uplinkReady, 2, windows, blackouts, Map.of());
    }

    // ---------------------------------------------------------------- usage

    /**
     * One year of 5-minute usage per agency, the 365 days before {@code today} (WIB). Each
     * agency draws from its own random stream (seed and index), so the series can be generated
     * in parallel and do not change when another agency is added.
     */
    static UsageSeries[] usage(LocalDate today) {
        LocalDate first = today.minusDays(DAYS);
        long start = first.atStartOfDay(WIB).toEpochSecond();
        DayType[] days = new DayType[DAYS];
        for (int d = 0; d < DAYS; d++) {
            days[d] = DayType.of(first.plusDays(d));
        }
        double[][][] shapes = new double[Rhythm.values().length][][];
        for (Rhythm r : Rhythm.values()) {
            shapes[r.ordinal()] = Shapes.of(r);
        }
        return IntStream.range(0, SPECS.size()).parallel()
                .mapToObj(i -> series(i, SPECS.get(i), start, days, shapes[SPECS.get(i).rhythm().ordinal()]))
                .toArray(UsageSeries[]::new);
    }

    private static UsageSeries series(int index, Spec spec, long start, DayType[] days, double[][] shape) {
        SplittableRandom rnd = new SplittableRandom(SEED * 1_000_003L + index);
        long dedicatedMbps = 0, purchasedMbps = 0, broadbandMbps = 0;
        for (String l : spec.lines().split(" ")) {
            long mbps = Long.parseLong(l.substring(l.startsWith("D") ? 1 : 2, l.contains("@") ? l.indexOf('@') : l.length()));
            purchasedMbps += mbps;
            if (l.startsWith("D")) {
                dedicatedMbps += mbps;
            } else {
                broadbandMbps += mbps;
            }
        }
        // What the agency really needs at its busiest: about half of its dedicated package (the
        // 20-bought-10-used story) plus a little of the IndiHome lines, which staff use on the side.
        // Busy all day long, hospitals reach their high percentiles on a lower level.
        double need = (0.36 + 0.14 * rnd.nextDouble()) * dedicatedMbps + 0.05 * broadbandMbps;
        if (spec.rhythm() == Rhythm.ROUND_THE_CLOCK) {
            need *= 0.85;
        }
        double peakBps = need * 1e6;
        long capDown = Math.round(purchasedMbps * 1e6 * 0.97);
        long capUp = Math.round(purchasedMbps * 1e6 * 0.97);
        int n = DAYS * SLOTS_PER_DAY;
        long[] down = new long[n];
        long[] up = new long[n];
        // outages of the measurement (a collector or a router down): left out, never zero
        int gaps = 1 + rnd.nextInt(3);
        int[] gapStart = new int[gaps];
        int[] gapEnd = new int[gaps];
        for (int g = 0; g < gaps; g++) {
            gapStart[g] = rnd.nextInt(n - 300);
            gapEnd[g] = gapStart[g] + 6 + rnd.nextInt(72);
        }
        double upRatio = spec.upRatio();
        int burstLeft = 0;
        double burst = 0;
        double activity = 1;
        for (int d = 0; d < DAYS; d++) {
            double[] dayShape = shape[days[d].ordinal()];
            // a growth trend of about 25 % over the year, and days busier or quieter than others
            double level = peakBps * (0.88 + 0.25 * d / DAYS) * (0.85 + 0.3 * rnd.nextDouble());
            boolean workingDay = days[d] == DayType.MON_THU || days[d] == DayType.FRIDAY;
            for (int s = 0, i = d * SLOTS_PER_DAY; s < SLOTS_PER_DAY; s++, i++) {
                double x = dayShape[s];
                // bursts: a video conference, a system update, uploads before a deadline
                if (burstLeft == 0 && rnd.nextInt(workingDay && x > 0.5 ? 90 : 1500) == 0) {
                    burstLeft = 2 + rnd.nextInt(10);
                    burst = 0.3 + 0.7 * rnd.nextDouble();
                }
                if (burstLeft > 0) {
                    x += burst;
                    burstLeft--;
                }
                // what the staff happen to do this half hour (meetings, field work, uploads) ...
                if (s % 6 == 0) {
                    activity = NOISE[rnd.nextInt(NOISE.length)] * ACTIVITY_SPREAD + (1 - ACTIVITY_SPREAD);
                }
                // ... and five-minute averages of a small line are bursty: log-normal around the shape
                double noise = activity * NOISE[rnd.nextInt(NOISE.length)];
                long dv = Math.min(capDown, Math.round(level * x * noise));
                long uv = Math.min(capUp, Math.round(dv * upRatio * (0.8 + 0.4 * rnd.nextDouble())));
                down[i] = dv;
                up[i] = uv;
            }
        }
        for (int g = 0; g < gaps; g++) {
            for (int i = gapStart[g]; i < gapEnd[g]; i++) {
                down[i] = UsageSeries.MISSING;
                up[i] = UsageSeries.MISSING;
            }
        }
        return new UsageSeries(spec.code(), start, STEP_SECONDS, down, up);
    }

    /** Which daily pattern a date follows. */
    enum DayType {
        MON_THU, FRIDAY, SATURDAY, REST;

        static DayType of(LocalDate date) {
            if (Holidays.isHoliday(date)) {
                return REST;
            }
            return switch (date.getDayOfWeek()) {
                case FRIDAY -> FRIDAY;
                case SATURDAY -> SATURDAY;
                case SUNDAY -> REST;
                default -> MON_THU;
            };
        }
    }

    /** Daily demand shapes (0..1 of the agency's busiest level) per 5-minute slot, by day type. */
    static final class Shapes {

        private Shapes() {
        }

        static double[][] of(Rhythm rhythm) {
            double[][] out = new double[DayType.values().length][];
            switch (rhythm) {
                case OFFICE -> {
                    out[DayType.MON_THU.ordinal()] = curve(0, .04, 390, .05, 450, .30, 540, .90, 600, 1.0, 705, .90,
                            720, .60, 780, .60, 795, .85, 900, .80, 930, .60, 960, .30, 1020, .12, 1320, .06, 1440, .04);
                    // Friday: Jumat prayer from about 11:30 to 13:30, the day runs to 16:30
                    out[DayType.FRIDAY.ordinal()] = curve(0, .04, 390, .05, 450, .30, 540, .90, 600, .95, 675, .85,
                            705, .25, 800, .25, 825, .75, 960, .70, 990, .45, 1020, .15, 1080, .10, 1320, .06, 1440, .04);
                    out[DayType.SATURDAY.ordinal()] = curve(0, .04, 480, .06, 600, .10, 720, .08, 1080, .06, 1440, .04);
                    out[DayType.REST.ordinal()] = curve(0, .04, 600, .06, 1080, .05, 1440, .04);
                }
                case EXTENDED -> {
                    out[DayType.MON_THU.ordinal()] = curve(0, .15, 360, .15, 420, .50, 510, .95, 660, 1.0, 720, .80,
                            780, .85, 960, .85, 1080, .60, 1200, .35, 1320, .20, 1440, .15);
                    out[DayType.FRIDAY.ordinal()] = curve(0, .15, 360, .15, 420, .50, 510, .95, 675, .90, 705, .35,
                            800, .35, 825, .85, 990, .80, 1080, .55, 1200, .35, 1320, .20, 1440, .15);
                    out[DayType.SATURDAY.ordinal()] = curve(0, .15, 420, .20, 480, .60, 720, .60, 780, .25, 1440, .15);
                    out[DayType.REST.ordinal()] = curve(0, .15, 600, .18, 1080, .18, 1440, .15);
                }
                case ROUND_THE_CLOCK -> {
                    out[DayType.MON_THU.ordinal()] = curve(0, .40, 300, .35, 420, .60, 540, .95, 660, 1.0, 780, .90,
                            960, .85, 1140, .65, 1320, .50, 1440, .40);
                    out[DayType.FRIDAY.ordinal()] = curve(0, .40, 300, .35, 420, .60, 540, .95, 675, .90, 705, .70,
                            800, .70, 825, .85, 990, .80, 1140, .65, 1320, .50, 1440, .40);
                    out[DayType.SATURDAY.ordinal()] = curve(0, .40, 300, .35, 480, .65, 720, .70, 1140, .55, 1440, .40);
                    out[DayType.REST.ordinal()] = curve(0, .40, 300, .35, 540, .55, 1140, .55, 1440, .40);
                }
                default -> throw new IllegalStateException(rhythm.name());
            }
            return out;
        }

        /** Piecewise-linear curve through (minute of day, level) points, sampled per slot. */
        private static double[] curve(double... points) {
            double[] out = new double[SLOTS_PER_DAY];
            int p = 0;
            for (int s = 0; s < SLOTS_PER_DAY; s++) {
                double minute = s * STEP_SECONDS / 60.0 + STEP_SECONDS / 120.0;
                while (p + 2 < points.length - 2 && points[p + 2] <= minute) {
                    p += 2;
                }
                double m0 = points[p], v0 = points[p + 1], m1 = points[p + 2], v1 = points[p + 3];
                out[s] = v0 + (v1 - v0) * Math.min(1, Math.max(0, (minute - m0) / (m1 - m0)));
            }
            return out;
        }
    }

    /**
     * National holidays and joint leave (cuti bersama) of Indonesia. The Islamic, Chinese,
     * Hindu and Buddhist ones move with their calendars; dates are those announced for the
     * years listed (an illustration: a year outside the table gets the fixed-date holidays only).
     */
    static final class Holidays {

        static final List<LocalDate> IDUL_FITRI = dates("2023-04-22", "2024-04-10", "2025-03-31", "2026-03-20",
                "2027-03-10", "2028-02-27", "2029-02-14", "2030-02-05");

        private static final List<LocalDate> MOVING = dates(
                // Isra Mi'raj, Imlek, Nyepi, Wafat Isa Almasih, Kenaikan Isa Almasih, Waisak, Idul Adha,
                // Tahun Baru Islam, Maulid Nabi
                "2024-02-08", "2024-02-10", "2024-03-11", "2024-03-29", "2024-05-09", "2024-05-23", "2024-06-17",
                "2024-07-07", "2024-09-16",
                "2025-01-27", "2025-01-29", "2025-03-29", "2025-04-18", "2025-05-29", "2025-05-12", "2025-06-06",
                "2025-06-27", "2025-09-05",
                "2026-01-16", "2026-02-17", "2026-03-19", "2026-04-03", "2026-05-14", "2026-05-31", "2026-05-27",
                "2026-06-16", "2026-08-25",
                "2027-01-05", "2027-02-06", "2027-03-08", "2027-03-26", "2027-05-06", "2027-05-20", "2027-05-17",
                "2027-06-06", "2027-08-15",
                "2028-01-25", "2028-01-26", "2028-03-26", "2028-04-14", "2028-05-25", "2028-05-09", "2028-05-05",
                "2028-05-25", "2028-08-03");

        private Holidays() {
        }

        static boolean isHoliday(LocalDate d) {
            int m = d.getMonthValue(), day = d.getDayOfMonth();
            if ((m == 1 && day == 1) || (m == 5 && day == 1) || (m == 6 && day == 1) || (m == 8 && day == 17)
                    || (m == 12 && (day == 25 || day == 26))) {
                return true;
            }
            for (LocalDate f : IDUL_FITRI) {
                // the Idul Fitri week: two days before to four days after (holiday and cuti bersama)
                if (!d.isBefore(f.minusDays(2)) && !d.isAfter(f.plusDays(4))) {
                    return true;
                }
            }
            return MOVING.contains(d);
        }

        private static List<LocalDate> dates(String... iso) {
            List<LocalDate> out = new ArrayList<>();
            for (String s : iso) {
                out.add(LocalDate.parse(s));
            }
            return List.copyOf(out);
        }
    }
}
