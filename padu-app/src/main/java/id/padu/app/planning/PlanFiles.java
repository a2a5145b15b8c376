package id.padu.app.planning;

import id.padu.app.shared.Json;

import id.padu.text.Bundles;

import id.padu.domain.BitRate;
import id.padu.domain.Rupiah;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Uplink;
import id.padu.domain.Dataset;
import id.padu.simulation.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes the plan JSON of {@code padu plan --format json}: the public contract that
 * {@code padu simulate}, {@code padu shape render} and {@code padu migrate plan} read back, also
 * after a person edited it. Reading checks every field and names the bad one
 * ({@code agencies[3].cirDownBps}); unknown fields are ignored. Top-level figures a person may
 * drop default to 0 (they are reports, not inputs); {@code uplinks} and {@code agencies} are required.
 */
public final class PlanFiles {

    private PlanFiles() {
    }

    /** A plan file that cannot be used; {@link #field()} is the JSON path of the problem. */
    public static final class PlanFileException extends Exception {
        private final String file;
        private final String field;
        private final String key;
        private final Object[] args;

        PlanFileException(String file, String field, String key, Object... args) {
            super(file + ": " + field + ": " + key);
            this.file = file;
            this.field = field;
            this.key = key;
            this.args = args;
        }

        public String field() {
            return field;
        }

        public String message(Locale locale) {
            return file + (field == null ? "" : " [" + field + "]") + ": " + Bundles.format("id.padu.app.planning.planfile", locale, key, args);
        }

        @Override
        public String getMessage() {
            return message(Locale.ENGLISH);
        }
    }

    public static Plan read(Path file) throws PlanFileException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new PlanFileException(name, null, "planFile.missing");
        } catch (IOException e) {
            throw new PlanFileException(name, null, "planFile.unreadable", e.getMessage());
        }
    }

    public static Plan read(InputStream in, String name) throws PlanFileException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            throw new PlanFileException(name, null, "planFile.notJson", loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PlanFileException(name, null, "planFile.notObject");
        }
        Reader r = new Reader(name);
        JsonNode ups = r.array(root, "uplinks", "uplinks");
        List<Uplink> uplinks = new ArrayList<>();
        for (int i = 0; i < ups.size(); i++) {
            JsonNode u = ups.get(i);
            String p = "uplinks[" + i + "]";
            r.object(u, p);
            uplinks.add(new Uplink(r.string(u, "provider", p), r.string(u, "product", p), r.mbps(u, "downMbps", p),
                    r.mbps(u, "upMbps", p), r.price(u, "monthlyCostIdr", p, false), r.price(u, "installCostIdr", p, true)));
        }
        JsonNode ags = r.array(root, "agencies", "agencies");
        List<AgencyDecision> agencies = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < ags.size(); i++) {
            JsonNode a = ags.get(i);
            String p = "agencies[" + i + "]";
            r.object(a, p);
            String code = r.string(a, "code", p);
            if (seen.contains(code)) {
                throw new PlanFileException(name, p + ".code", "planFile.duplicate", code);
            }
            seen.add(code);
            String dec = r.string(a, "decision", p);
            Decision decision = switch (dec) {
                case "central" -> Decision.CENTRAL;
                case "local" -> Decision.LOCAL;
                default -> throw new PlanFileException(name, p + ".decision", "planFile.decision", dec);
            };
            long cirD = r.bps(a, "cirDownBps", p, decision == Decision.LOCAL);
            long mirD = r.bps(a, "mirDownBps", p, decision == Decision.LOCAL);
            long cirU = r.bps(a, "cirUpBps", p, decision == Decision.LOCAL);
            long mirU = r.bps(a, "mirUpBps", p, decision == Decision.LOCAL);
            if (decision == Decision.CENTRAL) {
                if (mirD <= 0) {
                    throw new PlanFileException(name, p + ".mirDownBps", "planFile.mirZero", mirD);
                }
                if (mirU <= 0) {
                    throw new PlanFileException(name, p + ".mirUpBps", "planFile.mirZero", mirU);
                }
            }
            LocalDate cut = null;
            JsonNode c = a.get("cutoverDate");
            if (c != null && !c.isNull()) {
                if (!c.isString()) {
                    throw new PlanFileException(name, p + ".cutoverDate", "planFile.date", c.toString());
                }
                try {
                    cut = LocalDate.parse(c.stringValue());
                } catch (DateTimeParseException e) {
                    throw new PlanFileException(name, p + ".cutoverDate", "planFile.date", c.stringValue());
                }
            }
            JsonNode reason = a.get("reason");
            agencies.add(new AgencyDecision(code, decision, cirD, mirD, cirU, mirU, cut,
                    reason != null && reason.isString() ? reason.stringValue() : null));
        }
        JsonNode pb = root.get("paybackMonths");
        Double payback = pb == null || pb.isNull() ? null : r.number(root, "paybackMonths", "");
        JsonNode opt = root.get("optimal");
        if (opt != null && !opt.isNull() && !opt.isBoolean()) {
            throw new PlanFileException(name, "optimal", "planFile.boolean", opt.toString());
        }
        JsonNode gapNode = root.get("gap");
        double gap = gapNode == null || gapNode.isNull() ? 0 : r.number(root, "gap", "");
        return new Plan(r.optLong(root, "statusQuoAnnualIdr"), r.optLong(root, "planAnnualIdr"),
                r.optLong(root, "savingsAnnualIdr"), r.optLong(root, "oneOffCostIdr"), payback,
                r.optLong(root, "requiredDownBps"), r.optLong(root, "requiredUpBps"),
                opt != null && opt.isBoolean() && opt.booleanValue(), gap, uplinks, agencies);
    }

    /** Checks of one plan file, each naming the JSON field. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        private static String path(String parent, String field) {
            return parent.isEmpty() ? field : parent + "." + field;
        }

        void object(JsonNode n, String p) throws PlanFileException {
            if (n == null || !n.isObject()) {
                throw new PlanFileException(file, p, "planFile.notObject");
            }
        }

        JsonNode array(JsonNode n, String field, String p) throws PlanFileException {
            JsonNode a = n.get(field);
            if (a == null || a.isNull()) {
                throw new PlanFileException(file, p, "planFile.required");
            }
            if (!a.isArray()) {
                throw new PlanFileException(file, p, "planFile.array", a.toString());
            }
            return a;
        }

        String string(JsonNode n, String field, String p) throws PlanFileException {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                throw new PlanFileException(file, path(p, field), "planFile.required");
            }
            if (!v.isString() || v.stringValue().isBlank()) {
                throw new PlanFileException(file, path(p, field), "planFile.string", v.toString());
            }
            return v.stringValue().trim();
        }

        double number(JsonNode n, String field, String p) throws PlanFileException {
            JsonNode v = n.get(field);
            if (v == null || !v.isNumber() || v.doubleValue() < 0 || !Double.isFinite(v.doubleValue())) {
                throw new PlanFileException(file, path(p, field), "planFile.number", v == null ? "" : v.toString());
            }
            return v.doubleValue();
        }

        double mbps(JsonNode n, String field, String p) throws PlanFileException {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                throw new PlanFileException(file, path(p, field), "planFile.required");
            }
            double mbps = number(n, field, p);
            if (mbps > BitRate.MAX_BPS / (double) BitRate.BPS_PER_MBPS) {
                throw new PlanFileException(file, path(p, field), "planFile.tooLarge", v.toString(),
                        BitRate.MAX_BPS / BitRate.BPS_PER_MBPS + " Mbps (1 Tbit/s)");
            }
            return mbps;
        }

        long wholeNumber(JsonNode n, String field, String p, boolean optional) throws PlanFileException {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (optional) {
                    return 0;
                }
                throw new PlanFileException(file, path(p, field), "planFile.required");
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new PlanFileException(file, path(p, field), "planFile.whole", v.toString());
            }
            return v.longValue();
        }

        long money(JsonNode n, String field, String p, boolean optional) throws PlanFileException {
            return wholeNumber(n, field, p, optional);
        }

        /** An uplink's price: one amount, at most {@link Rupiah#MAX_IDR} like every amount Padu takes in. */
        long price(JsonNode n, String field, String p, boolean optional) throws PlanFileException {
            long v = wholeNumber(n, field, p, optional);
            if (v > Rupiah.MAX_IDR) {
                throw new PlanFileException(file, path(p, field), "planFile.tooLarge", Long.toString(v),
                        Rupiah.format(Rupiah.MAX_IDR));
            }
            return v;
        }

        /** A rate, at most {@link BitRate#MAX_BPS} (1 Tbit/s) like every rate Padu takes in. */
        long bps(JsonNode n, String field, String p, boolean optional) throws PlanFileException {
            long v = wholeNumber(n, field, p, optional);
            if (v > BitRate.MAX_BPS) {
                throw new PlanFileException(file, path(p, field), "planFile.tooLarge", Long.toString(v),
                        BitRate.MAX_BPS + " bit/s (1 Tbit/s)");
            }
            return v;
        }

        long optLong(JsonNode n, String field) throws PlanFileException {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return 0;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new PlanFileException(file, field, "planFile.whole", v.toString());
            }
            return v.longValue();
        }
    }

    /**
     * A stored plan file (the contract's JSON, or a planner result with more fields) with agency
     * {@code from} renamed to {@code to}, every other byte of meaning kept; the same bytes when the
     * plan does not name {@code from}, or already names {@code to} (a plan that names both keeps
     * both: it is history, and two agencies of one code would make it unreadable). For an agency's
     * rename, in every module that keeps plans.
     */
    public static byte[] renameAgency(byte[] json, String from, String to) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return json; // not ours to mend: reading it reports it where it is used
        }
        JsonNode agencies = root == null ? null : root.get("agencies");
        if (agencies == null || !agencies.isArray()) {
            return json;
        }
        tools.jackson.databind.node.ObjectNode renamed = null;
        for (JsonNode a : agencies) {
            String code = a.path("code").asString(null);
            if (to.equals(code)) {
                return json;
            }
            if (from.equals(code) && a instanceof tools.jackson.databind.node.ObjectNode o) {
                renamed = o;
            }
        }
        if (renamed == null) {
            return json;
        }
        renamed.put("code", to);
        return Json.PRETTY.writeValueAsBytes(root);
    }

    /** Writes the plan in the contract's JSON form (UTF-8, indented). */
    public static void write(Plan plan, OutputStream out) throws IOException {
        writeJson(PlanJson.of(plan), out);
    }

    /** The plan plus what surrounds it: the lower bound and status quo against plan per year. */
    public static void write(PlanResult result, OutputStream out) throws IOException {
        writeJson(PlanJson.Result.of(result), out);
    }

    /**
     * Uplinks exactly as the plan file writes them (provider, product, downMbps, upMbps,
     * monthlyCostIdr, installCostIdr), for another JSON document that names uplinks (the capacity
     * forecast's upgrade): one shape of an uplink for every file Padu writes.
     */
    public static List<?> uplinksJson(List<Uplink> uplinks) {
        return uplinks.stream().map(PlanJson.UplinkJson::of).toList();
    }

    /**
     * As {@link #write(PlanResult, OutputStream)}; a plan that does not carry its requirement (a budget
     * ceiling too low for it) also gets {@code congestion}: the dataset's traffic replayed through it.
     */
    public static void write(PlanResult result, Dataset data, OutputStream out) throws IOException {
        writeJson(PlanJson.Result.of(result, congestion(result, data)), out);
    }

    /** The replay of a plan that does not carry its requirement, else null. */
    public static Simulator.Result congestion(PlanResult result, Dataset data) {
        if (result.meetsRequirement()) {
            return null;
        }
        try {
            return Simulator.run(data, result.plan(), null);
        } catch (Simulator.PlanMismatchException e) {
            // the plan was made from this dataset: it always matches
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void writeJson(Object value, OutputStream out) throws IOException {
        try {
            out.write(Json.PRETTY.writeValueAsBytes(value));
            out.write('\n');
            out.flush();
        } catch (JacksonException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
