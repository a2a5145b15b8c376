package id.padu.app.planning;

import id.padu.app.shared.Json;

import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A stored, named planning result: the settings it ran with and the plan JSON (contract of
 * {@code padu plan --format json} plus {@code years[]}, {@code lowerBoundIdr},
 * {@code exitPenaltiesIdr}, {@code installCostIdr}), read back through {@link PlanFiles}.
 */
record Scenario(long id, String name, Map<String, String> settings, byte[] json, long dataVersion, String createdBy,
                Instant createdAt, Plan plan, List<PlanResult.Year> years, long penaltiesIdr, long installsIdr,
                List<PlanResult.OfferNote> offers, Long centralAnnualIdr, boolean meetsRequirement, double carriedShare,
                List<PlanResult.CloseCall> closeCalls) {


    static Scenario of(long id, String name, Map<String, String> settings, byte[] json, long dataVersion, String createdBy,
                       Instant createdAt) {
        Plan plan;
        try {
            plan = PlanFiles.read(new ByteArrayInputStream(json), "scenario " + id);
        } catch (PlanFiles.PlanFileException e) {
            throw new IllegalStateException("stored scenario " + id + " unreadable: " + e.getMessage(), e);
        }
        JsonNode root = Json.MAPPER.readTree(json);
        List<PlanResult.Year> years = new ArrayList<>();
        JsonNode ys = root.get("years");
        if (ys != null && ys.isArray()) {
            for (JsonNode y : ys) {
                years.add(new PlanResult.Year(y.path("year").asInt(), y.path("statusQuoIdr").asLong(),
                        y.path("planIdr").asLong(), y.path("savingsIdr").asLong()));
            }
        }
        // scenarios stored before the offer rules have no offers[]: the page then shows none
        List<PlanResult.OfferNote> offers = new ArrayList<>();
        JsonNode os = root.get("offers");
        if (os != null && os.isArray()) {
            for (JsonNode o : os) {
                offers.add(new PlanResult.OfferNote(o.path("provider").asString(), o.path("product").asString(),
                        o.path("kind").asString(), o.path("chosen").asBoolean(), Math.round(o.path("countedDownMbps").asDouble() * 1e6),
                        Math.round(o.path("countedUpMbps").asDouble() * 1e6), o.path("reason").asString()));
            }
        }
        return new Scenario(id, name, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings)), json, dataVersion, createdBy, createdAt, plan, List.copyOf(years),
                root.path("exitPenaltiesIdr").asLong(), root.path("installCostIdr").asLong(), List.copyOf(offers),
                // scenarios stored before the budget ceiling carry neither: their requirement was always met
                root.has("centralAnnualIdr") ? root.get("centralAnnualIdr").asLong() : null,
                !root.has("meetsRequirement") || root.get("meetsRequirement").asBoolean(),
                root.has("carriedShare") ? root.get("carriedShare").asDouble() : 1.0, closeCalls(root));
    }

    /** The close calls of the stored plan; none for plans stored before they were reported. */
    private static List<PlanResult.CloseCall> closeCalls(JsonNode root) {
        List<PlanResult.CloseCall> out = new ArrayList<>();
        JsonNode cs = root.get("closeCalls");
        if (cs != null && cs.isArray()) {
            for (JsonNode c : cs) {
                out.add(new PlanResult.CloseCall(c.path("code").asString(),
                        "central".equals(c.path("decision").asString()) ? Decision.CENTRAL : Decision.LOCAL,
                        c.path("alternativeCostIdr").asLong()));
            }
        }
        return List.copyOf(out);
    }

    long centralCount() {
        return plan.centralAgencies().size();
    }

    /** The provider carrying the most downstream capacity: the one whose failure hurts most. */
    String largestProvider() {
        Map<String, Long> byProvider = new java.util.TreeMap<>();
        plan.uplinks().forEach(u -> byProvider.merge(u.provider(), u.downBps(), Long::sum));
        return byProvider.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
