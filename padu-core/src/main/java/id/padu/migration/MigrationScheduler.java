package id.padu.migration;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.OnlineService;
import id.padu.domain.Priority;
import id.padu.domain.Settings;
import id.padu.domain.Settings.DateRange;
import id.padu.domain.Subscription;
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Plan;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Schedules the cutover of every central agency of a plan into a maintenance window (the
 * {@code migrate.*} settings), at least cost (exit penalties plus subscriptions paid twice,
 * see {@link CutoverCost}) under the risk rules:
 * <ul>
 *   <li>no cutover before {@code migrate.start_date} or {@code migrate.uplink_ready_date}, nor
 *       on a day of {@code migrate.blackouts}, nor outside {@code migrate.windows};</li>
 *   <li>at most {@code migrate.cutovers_per_week} cutovers in an ISO week (Monday to Sunday);</li>
 *   <li>a pilot wave first: the first week with a cutover holds only low-risk agencies, and
 *       agencies hosting a critical service (or of critical priority) come in later weeks;</li>
 *   <li>never two critical agencies in the same window.</li>
 * </ul>
 * Ties in money go to the schedule that keeps agreed dates, then to the one that finishes
 * sooner. {@link #replan} schedules again from a tracked state, keeping what is done or in
 * progress.
 */
public final class MigrationScheduler {

    static final int MAX_HORIZON_DAYS = 366 * 20;

    private final Dataset dataset;
    private final Plan plan;
    private int maxCases = 2_000;
    private int rollbackPauseDays = 7;

    public MigrationScheduler(Dataset dataset, Plan plan) {
        this.dataset = dataset;
        this.plan = plan;
    }

    /**
     * How many pilot weeks the exact search may try once it has a schedule; beyond that it
     * returns the best found, not proven optimal, with its gap to the lower bound.
     */
    public MigrationScheduler maxCases(int cases) {
        this.maxCases = Math.max(1, cases);
        return this;
    }

    /** Days between a rollback and the next attempt, for finding the cause [7]. */
    public MigrationScheduler rollbackPauseDays(int days) {
        this.rollbackPauseDays = Math.max(0, days);
        return this;
    }

    public MigrationSchedule schedule() {
        return replan(MigrationState.empty(), null);
    }

    private record Slot(LocalDate date, MaintenanceWindow window, LocalDate monday) {
    }

    private static final class Item {
        AgencyDecision decision;
        Agency agency;
        List<Subscription> subscriptions;
        List<String> criticalServices;
        boolean critical;
        AgencyMigration tracked;
        LocalDate minDate;
        LocalDate rolledBackOn;
        LocalDate previous;
    }

    /**
     * Schedules again from the tracked state as of day {@code asOf} (null = nothing tracked yet):
     * agencies in progress, verified or done keep their dates and use up their week; the others
     * (planned, scheduled, rolled back) get windows after {@code asOf}; a rolled-back agency not
     * before {@link #rollbackPauseDays} days after its rollback.
     */
    public MigrationSchedule replan(MigrationState state, LocalDate asOf) {
        Settings s = dataset.settings();
        List<MaintenanceWindow> windows = MaintenanceWindow.parseAll(s.migrateWindows());
        List<DateRange> blackouts = s.migrateBlackouts();
        LocalDate start = s.migrateStartDate() != null ? s.migrateStartDate() : s.planStartDate();
        LocalDate ready = s.migrateUplinkReadyDate() != null ? s.migrateUplinkReadyDate() : s.planStartDate();
        if (start == null && ready == null) {
            throw new MigrationInputException(Text.of("input.start.missing"));
        }
        start = start == null ? ready : start;
        ready = ready == null ? start : ready;
        int perWeek = s.cutoversPerWeek();
        if (perWeek < 1) {
            throw new MigrationInputException(Text.of("input.perweek.bad", "migrate.cutovers_per_week", perWeek));
        }
        LocalDate earliest = start.isAfter(ready) ? start : ready;
        if (asOf != null && !earliest.isAfter(asOf)) {
            earliest = asOf.plusDays(1);
        }

        List<Item> open = new ArrayList<>();
        List<Item> fixed = new ArrayList<>();
        for (AgencyDecision d : plan.centralAgencies()) {
            Item it = new Item();
            it.decision = d;
            it.agency = dataset.agency(d.code()).orElseThrow(
                    () -> new MigrationInputException(Text.of("input.plan.unknown", d.code())));
            it.subscriptions = dataset.subscriptionsOf(d.code());
            it.criticalServices = dataset.servicesOf(d.code()).stream()
                    .filter(x -> x.criticality() == Priority.CRITICAL).map(OnlineService::name).toList();
            it.critical = !it.criticalServices.isEmpty() || it.agency.priority() == Priority.CRITICAL;
            it.tracked = state.of(d.code());
            if (it.tracked.status().isFixed()) {
                if (it.tracked.cutoverDate() == null) {
                    throw new MigrationInputException(Text.of("input.status.date", d.code()));
                }
                fixed.add(it);
                continue;
            }
            it.minDate = earliest;
            if (it.tracked.status() == MigrationStatus.ROLLED_BACK) {
                StatusChange rb = it.tracked.last(MigrationStatus.ROLLED_BACK);
                it.rolledBackOn = rb.at().atZone(Wib.ZONE).toLocalDate();
                LocalDate after = it.rolledBackOn.plusDays(rollbackPauseDays);
                if (after.isAfter(it.minDate)) {
                    it.minDate = after;
                }
                it.previous = it.tracked.cutoverDate();
            } else if (it.tracked.status() == MigrationStatus.SCHEDULED) {
                it.previous = it.tracked.cutoverDate();
            }
            open.add(it);
        }

        // Slots: every window day from the earliest day on, skipping blackouts, far enough that
        // m + 1 usable weeks follow the last contract end (an optimal schedule never needs more:
        // past every end date waiting only costs, and among m + 1 weeks one is free).
        LocalDate lastEnd = earliest;
        for (Item it : open) {
            if (it.minDate.isAfter(lastEnd)) {
                lastEnd = it.minDate;
            }
            for (Subscription sub : it.subscriptions) {
                if (sub.endDate() != null && sub.endDate().isAfter(lastEnd)) {
                    lastEnd = sub.endDate();
                }
            }
        }
        LocalDate w0 = monday(lastEnd);
        Map<LocalDate, Integer> fixedPerWeek = new HashMap<>();
        Map<LocalDate, List<Item>> fixedCriticalOnDay = new HashMap<>();
        for (Item it : fixed) {
            fixedPerWeek.merge(monday(it.tracked.cutoverDate()), 1, Integer::sum);
            if (it.critical) {
                fixedCriticalOnDay.computeIfAbsent(it.tracked.cutoverDate(), k -> new ArrayList<>()).add(it);
            }
        }
        List<Slot> slots = new ArrayList<>();
        int usableAfterW0 = 0;
        LocalDate lastUsableWeek = null;
        for (LocalDate day = earliest; !open.isEmpty(); day = day.plusDays(1)) {
            if (ChronoUnit.DAYS.between(earliest, day) > MAX_HORIZON_DAYS) {
                throw new MigrationInputException(Text.of("input.horizon", MAX_HORIZON_DAYS / 366));
            }
            if (Blackouts.covering(blackouts, day) != null) {
                continue;
            }
            LocalDate mon = monday(day);
            if (perWeek - fixedPerWeek.getOrDefault(mon, 0) <= 0) {
                continue;
            }
            for (MaintenanceWindow w : windows) {
                if (w.day() == day.getDayOfWeek()) {
                    slots.add(new Slot(day, w, mon));
                    if (mon.isAfter(w0) && !mon.equals(lastUsableWeek)) {
                        lastUsableWeek = mon;
                        usableAfterW0++;
                    }
                }
            }
            if (usableAfterW0 > open.size() && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                break;
            }
        }

        Map<LocalDate, Integer> weekIndex = new LinkedHashMap<>();
        for (Slot sl : slots) {
            weekIndex.putIfAbsent(sl.monday(), weekIndex.size());
        }
        List<LocalDate> mondays = new ArrayList<>(weekIndex.keySet());
        int weeks = mondays.size();
        int[] weekCap = new int[weeks];
        for (int w = 0; w < weeks; w++) {
            weekCap[w] = Math.max(0, perWeek - fixedPerWeek.getOrDefault(mondays.get(w), 0));
        }
        int m = open.size();
        int ns = slots.size();
        int[] slotWeek = new int[ns];
        int[] slotCritCap = new int[ns];
        for (int i = 0; i < ns; i++) {
            slotWeek[i] = weekIndex.get(slots.get(i).monday());
            slotCritCap[i] = fixedCriticalOnDay.containsKey(slots.get(i).date()) ? 0 : 1;
        }
        boolean[] critical = new boolean[m];
        long[][] money = new long[m][ns];
        long[][] paidTwice = new long[m][ns];
        long horizonDays = ns == 0 ? 1 : ChronoUnit.DAYS.between(earliest, slots.get(ns - 1).date()) + 1;
        long stick = horizonDays * 8 + 8;
        long maxSecondary = stick + horizonDays * 8 + 8;
        long maxMoneyTotal = 0;
        for (int a = 0; a < m; a++) {
            Item it = open.get(a);
            critical[a] = it.critical;
            long maxA = 0;
            for (int i = 0; i < ns; i++) {
                Slot sl = slots.get(i);
                if (sl.date().isBefore(it.minDate)) {
                    money[a][i] = CutoverSolver.FORBIDDEN;
                    continue;
                }
                CutoverCost.Breakdown b = CutoverCost.of(it.subscriptions, ready, sl.date());
                money[a][i] = b.totalIdr();
                paidTwice[a][i] = b.paidTwiceIdr();
                maxA = Math.max(maxA, money[a][i]);
            }
            maxMoneyTotal = Math.addExact(maxMoneyTotal, maxA);
        }
        // Lexicographic objective in one long: money first, then kept dates, then sooner.
        long base = maxSecondary * (m + 1L);
        long scale = (double) base * Math.max(1, maxMoneyTotal) < Long.MAX_VALUE / 8.0 ? base : 1;
        long[][] cost = new long[m][ns];
        for (int a = 0; a < m; a++) {
            Item it = open.get(a);
            for (int i = 0; i < ns; i++) {
                if (money[a][i] == CutoverSolver.FORBIDDEN) {
                    cost[a][i] = CutoverSolver.FORBIDDEN;
                    continue;
                }
                long secondary = 0;
                if (scale > 1) {
                    Slot sl = slots.get(i);
                    secondary = ChronoUnit.DAYS.between(earliest, sl.date()) * 8 + windows.indexOf(sl.window()) % 8;
                    if (it.previous != null && it.tracked.status() == MigrationStatus.SCHEDULED
                            && !sl.date().equals(it.previous)) {
                        secondary += stick;
                    }
                }
                cost[a][i] = money[a][i] * scale + secondary;
            }
        }

        boolean hasLow = false;
        boolean hasCritical = false;
        for (boolean c : critical) {
            hasCritical |= c;
            hasLow |= !c;
        }
        boolean pilotDone = state.agencies().stream().anyMatch(x -> x.status().isMigrated());
        boolean enumerate = false;
        int criticalAfter = CutoverSolver.PILOT_NONE;
        LocalDate pilotUnderWay = null;
        if (hasCritical && hasLow && !pilotDone) {
            for (Item it : fixed) {
                LocalDate mon = monday(it.tracked.cutoverDate());
                if (pilotUnderWay == null || mon.isAfter(pilotUnderWay)) {
                    pilotUnderWay = mon;
                }
            }
            if (pilotUnderWay == null) {
                enumerate = true;
            } else {
                for (int w = 0; w < weeks; w++) {
                    if (!mondays.get(w).isAfter(pilotUnderWay)) {
                        criticalAfter = w;
                    }
                }
            }
        }
        CutoverSolver.Result r = new CutoverSolver(weeks, weekCap, slotWeek, slotCritCap, critical, cost)
                .solve(enumerate, criticalAfter, maxCases);
        if (r == null) {
            throw new MigrationInputException(Text.of("input.infeasible"));
        }
        long moneyTotal = 0;
        for (int a = 0; a < m; a++) {
            moneyTotal += money[a][r.slotOf()[a]];
        }
        long moneyBound = r.bound() / scale;
        double gap = r.optimal() || moneyTotal == 0 ? 0 : Math.max(0, (moneyTotal - moneyBound) / (double) moneyTotal);
        LocalDate pilotMonday = r.pilotWeek() == CutoverSolver.PILOT_NONE ? null : mondays.get(r.pilotWeek());

        // Reasons need the final occupancy of weeks and critical windows.
        Map<LocalDate, Integer> perWeekUsed = new HashMap<>(fixedPerWeek);
        Map<Integer, String> criticalInSlot = new HashMap<>();
        for (int a = 0; a < m; a++) {
            int sl = r.slotOf()[a];
            perWeekUsed.merge(slots.get(sl).monday(), 1, Integer::sum);
            if (critical[a]) {
                criticalInSlot.put(sl, open.get(a).agency.code());
            }
        }
        Map<LocalDate, List<Cutover>> byWeek = new TreeMap<>();
        for (Item it : fixed) {
            LocalDate d = it.tracked.cutoverDate();
            MaintenanceWindow w = windows.stream().filter(x -> x.day() == d.getDayOfWeek()).findFirst().orElse(null);
            CutoverCost.Breakdown b = CutoverCost.of(it.subscriptions, ready, d);
            StatusChange last = it.tracked.history().isEmpty() ? null : it.tracked.history().get(it.tracked.history().size() - 1);
            List<Text> reasons = new ArrayList<>();
            reasons.add(Text.of("reason.fixed", it.tracked.status().label(),
                    last == null ? d : last.at().atZone(Wib.ZONE).toLocalDate()));
            byWeek.computeIfAbsent(monday(d), k -> new ArrayList<>()).add(new Cutover(it.agency.code(), it.agency.name(), d, w,
                    it.critical, it.criticalServices, false, it.tracked.status(), b.penaltyIdr(), b.paidTwiceIdr(), reasons));
        }
        for (int a = 0; a < m; a++) {
            Item it = open.get(a);
            int si = r.slotOf()[a];
            Slot sl = slots.get(si);
            boolean pilot = pilotMonday != null && sl.monday().equals(pilotMonday);
            List<Text> reasons = reasons(it, a, si, slots, money, paidTwice, ready, perWeek, perWeekUsed,
                    criticalInSlot, pilotMonday, pilot, blackouts, enumerate || criticalAfter != CutoverSolver.PILOT_NONE);
            CutoverCost.Breakdown b = CutoverCost.of(it.subscriptions, ready, sl.date());
            byWeek.computeIfAbsent(sl.monday(), k -> new ArrayList<>()).add(new Cutover(it.agency.code(), it.agency.name(),
                    sl.date(), sl.window(), it.critical, it.criticalServices, pilot, MigrationStatus.SCHEDULED,
                    b.penaltyIdr(), b.paidTwiceIdr(), reasons));
        }
        List<Wave> waves = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Cutover>> e : byWeek.entrySet()) {
            List<Cutover> cs = new ArrayList<>(e.getValue());
            cs.sort(Comparator.comparing(Cutover::date)
                    .thenComparing(c -> c.window() == null ? null : c.window().start(), Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Cutover::code));
            waves.add(new Wave(e.getKey(), waves.size() + 1, e.getKey().equals(pilotMonday), cs));
        }
        long total = waves.stream().flatMap(w -> w.cutovers().stream()).mapToLong(Cutover::costIdr).sum();
        return new MigrationSchedule(r.optimal(), gap, total, earliest, ready, perWeek, windows, waves);
    }

    static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private List<Text> reasons(Item it, int a, int si, List<Slot> slots, long[][] money, long[][] paidTwice,
                               LocalDate ready, int perWeek, Map<LocalDate, Integer> perWeekUsed,
                               Map<Integer, String> criticalInSlot, LocalDate pilotMonday, boolean pilot,
                               List<DateRange> blackouts, boolean pilotRule) {
        List<Text> out = new ArrayList<>();
        Slot chosen = slots.get(si);
        long[] mA = money[a];
        int first = -1;
        int ideal = -1;
        for (int i = 0; i < mA.length; i++) {
            if (mA[i] == CutoverSolver.FORBIDDEN) {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            if (ideal < 0 || mA[i] < mA[ideal]) {
                ideal = i;
            }
        }
        // 1. Money: why this date is cheap (or what it costs).
        LocalDate firstDay = slots.get(first).date();
        List<Subscription> penalised = it.subscriptions.stream()
                .filter(x -> x.endDate() != null && x.exitPenalty().value() > 0
                        && firstDay.isBefore(x.endDate())).toList();
        long penaltyHere = CutoverCost.of(it.subscriptions, ready, chosen.date()).penaltyIdr();
        if (it.subscriptions.isEmpty()) {
            out.add(Text.of("reason.cost.none"));
        } else if (!penalised.isEmpty() && penaltyHere == 0) {
            LocalDate end = penalised.stream().map(Subscription::endDate).max(Comparator.naturalOrder()).orElseThrow();
            long saving = mA[first] - mA[si];
            out.add(saving > 0 ? Text.of("reason.cost.wait", end, new Text.Money(saving))
                    : Text.of("reason.cost.after", end));
        } else if (penaltyHere > 0) {
            LocalDate end = it.subscriptions.stream()
                    .filter(x -> CutoverCost.penaltyOf(x, chosen.date()) > 0)
                    .map(Subscription::endDate).max(Comparator.naturalOrder()).orElseThrow();
            CutoverCost.Breakdown waiting = CutoverCost.of(it.subscriptions, ready, end);
            if (waiting.totalIdr() > mA[si]) {
                out.add(Text.of("reason.cost.penalty", new Text.Money(penaltyHere), new Text.Money(waiting.paidTwiceIdr()), end));
            } else {
                out.add(Text.of("reason.cost.penalty.forced", new Text.Money(penaltyHere), end));
            }
        } else {
            long monthly = it.subscriptions.stream().mapToLong(x -> x.monthlyCost().value()).sum();
            out.add(Text.of("reason.cost.nopenalty", new Text.Money(paidTwice[a][si]), ready,
                    new Text.Money(CutoverCost.paidTwice(monthly, LocalDate.EPOCH, LocalDate.EPOCH.plusDays(7)))));
        }
        // 2. Rules that moved it away from its cheapest date.
        Slot best = slots.get(ideal);
        if (si != ideal && (mA[si] > mA[ideal] || chosen.date().isAfter(best.date()))) {
            if (it.critical && pilotRule && pilotMonday != null && !best.monday().isAfter(pilotMonday)) {
                out.add(Text.of("reason.shift.pilot", pilotMonday));
            } else if (perWeekUsed.getOrDefault(best.monday(), 0) >= perWeek) {
                out.add(Text.of("reason.shift.weekfull", best.monday(), perWeek));
            } else if (it.critical && criticalInSlot.containsKey(ideal)) {
                out.add(Text.of("reason.shift.critslot", best.date(), best.window().hours(), criticalInSlot.get(ideal)));
            } else if (pilotMonday != null && best.monday().isBefore(pilotMonday)) {
                out.add(Text.of("reason.shift.pilotweek", pilotMonday));
            } else {
                out.add(Text.of("reason.shift.other"));
            }
            if (mA[si] > mA[ideal]) {
                out.add(Text.of("reason.shift.extra", new Text.Money(mA[si] - mA[ideal]), best.date()));
            }
        } else if (si != ideal && pilot && mA[si] > mA[ideal]) {
            out.add(Text.of("reason.pilot.early", new Text.Money(mA[si] - mA[ideal]), best.date()));
        }
        // 3. Dates the contract or the plan suggested that fall in a blackout.
        List<LocalDate> wanted = new ArrayList<>();
        if (it.decision.cutoverDate() != null) {
            wanted.add(it.decision.cutoverDate());
        }
        it.subscriptions.stream().map(Subscription::endDate).filter(x -> x != null).forEach(wanted::add);
        for (LocalDate d : wanted.stream().distinct().sorted().toList()) {
            DateRange b = Blackouts.covering(blackouts, d);
            // Only dates the agency could otherwise have used: not before its earliest day.
            if (b != null && !d.isBefore(it.minDate) && !d.isAfter(chosen.date())) {
                out.add(Text.of("reason.blackout", d, b.from(), b.to()));
                break;
            }
        }
        // 4. Risk.
        if (pilot) {
            out.add(Text.of("reason.risk.pilot"));
        }
        if (it.critical) {
            out.add(it.criticalServices.isEmpty() ? Text.of("reason.risk.critical.agency")
                    : Text.of("reason.risk.critical", it.criticalServices));
        }
        // 5. Replanning.
        if (it.rolledBackOn != null) {
            out.add(Text.of("reason.replan.rollback", it.rolledBackOn, rollbackPauseDays));
        } else if (it.previous != null && !it.previous.equals(chosen.date())) {
            out.add(it.previous.isBefore(it.minDate) ? Text.of("reason.replan.slipped", it.previous)
                    : Text.of("reason.replan.moved", it.previous));
        }
        return out;
    }
}
