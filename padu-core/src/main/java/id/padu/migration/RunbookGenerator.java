package id.padu.migration;

import id.padu.domain.Agency;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.IpPrefix;
import id.padu.domain.Link;
import id.padu.domain.OnlineService;
import id.padu.domain.Priority;
import id.padu.domain.Subscription;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the runbook of an agency's cutover from its services (services.csv), prefixes
 * (agencies.csv), link (links.csv), subscriptions and planned allocation. The rules follow
 * the field lessons: DNS TTLs down a full old TTL before (T-7 days), make before break
 * (RFC 4192: old and new paths in parallel; NAT for services on the old ISP's addresses until
 * DNS has moved), a rollback step for every change with the criteria that trigger it.
 */
public final class RunbookGenerator {

    /** Days before the cutover the preparation is due (covers any TTL up to a week). */
    public static final int PREPARE_DAYS = 7;
    /** TTL to lower hosted names to, seconds. */
    public static final int LOW_TTL_SECONDS = 300;
    /** Days of watching after the cutover before sign-off. */
    public static final int WATCH_DAYS = 7;

    private RunbookGenerator() {
    }

    public static List<Runbook> all(Dataset dataset, Plan plan, MigrationSchedule schedule) {
        return schedule.cutovers().stream().map(c -> of(dataset, plan, c)).toList();
    }

    public static Runbook of(Dataset dataset, Plan plan, Cutover cutover) {
        String code = cutover.code();
        Agency agency = dataset.agency(code).orElseThrow(() -> new MigrationInputException(Text.of("input.plan.unknown", code)));
        AgencyDecision decision = plan.centralAgencies().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new MigrationInputException(Text.of("input.agency.unknown", code)));
        List<OnlineService> services = dataset.servicesOf(code);
        List<Subscription> subscriptions = dataset.subscriptionsOf(code);
        Optional<Link> link = dataset.linkOf(code);
        LocalDate day = cutover.date();
        LocalDate prepareBy = day.minusDays(PREPARE_DAYS);
        String hours = cutover.window() == null ? "" : cutover.window().hours();
        String cir = BitRate.ofBps(decision.cirDownBps()).format() + " / " + BitRate.ofBps(decision.cirUpBps()).format();
        String mir = BitRate.ofBps(decision.mirDownBps()).format() + " / " + BitRate.ofBps(decision.mirUpBps()).format();
        List<String> prefixes = agency.prefixes().stream().map(IpPrefix::toString).toList();
        List<String> providers = subscriptions.stream().map(s -> s.provider() + " " + s.product()).distinct().toList();
        List<String> hosts = services.stream().map(OnlineService::hostname).filter(h -> h != null && !h.isBlank()).toList();
        List<Text> warnings = new ArrayList<>();

        List<ChecklistItem> prepare = new ArrayList<>();
        prepare.add(step("prepare.notify", "rb.prepare.notify", agency.name(), day, hours));
        for (OnlineService s : services) {
            boolean hasHost = s.hostname() != null && !s.hostname().isBlank();
            boolean hasIp = s.publicIp() != null && !s.publicIp().isBlank();
            if (hasHost) {
                prepare.add(step("prepare.ttl." + s.name(), "rb.prepare.ttl", s.hostname(), s.name(), LOW_TTL_SECONDS, prepareBy, day));
            }
            if (hasIp) {
                prepare.add(step("prepare.nat." + s.name(), "rb.prepare.nat", s.name(), s.publicIp()));
            }
            if (hasIp && !hasHost) {
                prepare.add(step("prepare.nohost." + s.name(), "rb.prepare.nohost", s.name(), s.publicIp()));
            }
            if (!hasIp && !hasHost) {
                prepare.add(step("prepare.unknown." + s.name(), "rb.prepare.unknown", s.name()));
                warnings.add(Text.of("rb.warn.service", s.name()));
            }
        }
        if (prefixes.isEmpty()) {
            prepare.add(step("prepare.prefix.none", "rb.prepare.prefix.none", code));
            warnings.add(Text.of("rb.warn.prefix", code));
        }
        for (String p : prefixes) {
            prepare.add(step("prepare.prefix." + p, "rb.prepare.prefix", p, code, cir, mir));
        }
        if (link.isPresent()) {
            Link l = link.get();
            prepare.add(step("prepare.link", "rb.prepare.link", l.type().name().toLowerCase(java.util.Locale.ROOT), code,
                    l.capacity() == null ? "-" : l.capacity().format()));
        } else {
            prepare.add(step("prepare.link", "rb.prepare.link.any", code));
        }
        prepare.add(step("prepare.baseline", "rb.prepare.baseline", code));
        prepare.add(step("prepare.keepold", "rb.prepare.keepold", providers.isEmpty() ? "-" : providers));

        List<ChecklistItem> cut = new ArrayList<>();
        cut.add(step("cutover.start", "rb.cutover.start", cutover.window() == null ? LocalTime.MIDNIGHT : cutover.window().start(), code));
        cut.add(step("cutover.route", "rb.cutover.route", code));
        cut.add(step("cutover.allocation", "rb.cutover.allocation", code, cir, mir));
        for (OnlineService s : services) {
            if (s.publicIp() != null && !s.publicIp().isBlank()) {
                cut.add(step("cutover.nat." + s.name(), "rb.cutover.nat", s.name(), s.publicIp()));
            }
            if (s.hostname() != null && !s.hostname().isBlank()) {
                cut.add(step("cutover.dns." + s.name(), "rb.cutover.dns", s.hostname(), LOW_TTL_SECONDS));
            }
        }

        List<ChecklistItem> verify = new ArrayList<>();
        for (OnlineService s : services) {
            if (s.hostname() != null && !s.hostname().isBlank()) {
                verify.add(step("verify.host." + s.name(), "rb.verify.host", s.hostname(), s.name()));
            } else if (s.publicIp() != null && !s.publicIp().isBlank()) {
                verify.add(step("verify.ip." + s.name(), "rb.verify.ip", s.name()));
            }
        }
        verify.add(step("verify.counters", "rb.verify.counters", code, prefixes.isEmpty() ? "-" : prefixes));
        verify.add(step("verify.allocation", "rb.verify.allocation", code, cir, mir));
        verify.add(step("verify.users", "rb.verify.users", agency.name()));

        List<ChecklistItem> rollback = new ArrayList<>();
        List<String> criticalServices = services.stream().filter(s -> s.criticality() == Priority.CRITICAL)
                .map(OnlineService::name).toList();
        if (!criticalServices.isEmpty()) {
            rollback.add(criterion("rollback.when.critical", "rb.rollback.when.critical", criticalServices));
        }
        if (!services.isEmpty()) {
            rollback.add(criterion("rollback.when.service", "rb.rollback.when.service"));
        }
        rollback.add(criterion("rollback.when.traffic", "rb.rollback.when.traffic", code));
        rollback.add(criterion("rollback.when.users", "rb.rollback.when.users"));
        if (cutover.window() != null) {
            rollback.add(criterion("rollback.when.time", "rb.rollback.when.time", cutover.window().end().minusHours(1)));
        }
        rollback.add(step("rollback.route", "rb.rollback.route", code, providers.isEmpty() ? "-" : providers));
        for (OnlineService s : services) {
            if (s.hostname() != null && !s.hostname().isBlank()) {
                rollback.add(step("rollback.dns." + s.name(), "rb.rollback.dns", s.hostname(),
                        s.publicIp() == null || s.publicIp().isBlank() ? Text.of("rb.previous") : s.publicIp()));
            }
            if (s.publicIp() != null && !s.publicIp().isBlank()) {
                rollback.add(step("rollback.nat." + s.name(), "rb.rollback.nat", s.name()));
            }
        }
        rollback.add(step("rollback.check", "rb.rollback.check", code));
        rollback.add(step("rollback.record", "rb.rollback.record", code));

        List<ChecklistItem> signOff = new ArrayList<>();
        signOff.add(step("signoff.verified", "rb.signoff.verified", code));
        signOff.add(step("signoff.agency", "rb.signoff.agency", agency.name(), WATCH_DAYS));
        if (!hosts.isEmpty()) {
            signOff.add(step("signoff.ttl", "rb.signoff.ttl", hosts));
        }
        for (Subscription s : subscriptions) {
            long penalty = CutoverCost.penaltyOf(s, day);
            signOff.add(penalty > 0
                    ? step("signoff.end." + s.provider() + "." + s.product(), "rb.signoff.end.penalty", s.provider(), s.product(),
                            new Text.Money(penalty), s.endDate())
                    : step("signoff.end." + s.provider() + "." + s.product(), "rb.signoff.end", s.provider(), s.product()));
        }
        signOff.add(step("signoff.done", "rb.signoff.done", code));

        List<RunbookSection> sections = List.of(
                new RunbookSection(RunbookPhase.PREPARE, prepareBy, prepare),
                new RunbookSection(RunbookPhase.CUTOVER, day, cut),
                new RunbookSection(RunbookPhase.VERIFY, day, verify),
                new RunbookSection(RunbookPhase.ROLLBACK, day, rollback),
                new RunbookSection(RunbookPhase.SIGN_OFF, day.plusDays(WATCH_DAYS), signOff));
        Text reason = new Text("rb.reason", List.of(new JoinedReasons(cutover.reasons())));
        return new Runbook(code, agency.name(), day, cutover.window(), cutover.critical(), sections, warnings, reason);
    }

    /** The cutover's reasons as one argument, joined in the reader's language. */
    record JoinedReasons(List<Text> parts) {
    }

    private static ChecklistItem step(String id, String key, Object... args) {
        return new ChecklistItem(id, Text.of(key, args), false);
    }

    private static ChecklistItem criterion(String id, String key, Object... args) {
        return new ChecklistItem(id, Text.of(key, args), true);
    }
}
