package id.padu.dataset;

import java.util.List;
import java.util.Locale;

/** The files of dataset format v1 and their columns. */
enum TableKind {
    AGENCIES("agencies", true, List.of(
            new Column("code", true), new Column("name", true), new Column("kind", false),
            new Column("priority", false), new Column("prefixes", false))),
    SUBSCRIPTIONS("subscriptions", true, List.of(
            new Column("agency", true), new Column("provider", true), new Column("product", true),
            new Column("kind", true), new Column("down_mbps", true), new Column("up_mbps", true),
            new Column("monthly_cost_idr", true), new Column("install_cost_idr", false),
            new Column("start_date", false), new Column("end_date", false), new Column("exit_penalty_idr", false))),
    OFFERS("offers", false, List.of(
            new Column("provider", true), new Column("product", true), new Column("kind", true),
            new Column("down_mbps", true), new Column("up_mbps", false), new Column("monthly_cost_idr", true),
            new Column("install_cost_idr", false), new Column("min_term_months", false), new Column("sla_pct", false))),
    LINKS("links", false, List.of(
            new Column("agency", true), new Column("link_type", true), new Column("monthly_cost_idr", true),
            new Column("install_cost_idr", false), new Column("capacity_mbps", false))),
    SERVICES("services", false, List.of(
            new Column("agency", true), new Column("name", true), new Column("criticality", false),
            new Column("hostname", false), new Column("public_ip", false))),
    SETTINGS("settings", false, List.of(new Column("key", true), new Column("value", true))),
    USAGE("usage", false, List.of(
            new Column("agency", true), new Column("time", true), new Column("down_bps", true), new Column("up_bps", true)));

    record Column(String name, boolean required) {
    }

    final String base;
    final boolean required;
    final List<Column> columns;

    TableKind(String base, boolean required, List<Column> columns) {
        this.base = base;
        this.required = required;
        this.columns = columns;
    }

    /** The file name in a CSV dataset. */
    String fileName() {
        return base + ".csv";
    }

    /**
     * The kind of a table by its name: {@code agencies.csv} (any case), {@code usage/x.csv}, or a
     * sheet name ({@code agencies}; {@code usage}, {@code usage2}, {@code usage 2025-01}: big usage
     * is split over several sheets because one holds at most 1,048,576 rows). Null if unknown.
     */
    static TableKind of(String name) {
        String n = name.toLowerCase(Locale.ROOT).trim();
        if (n.startsWith("usage/")) {
            return n.endsWith(".csv") && n.indexOf('/', 6) < 0 ? USAGE : null;
        }
        if (n.endsWith(".csv")) {
            n = n.substring(0, n.length() - 4);
        }
        if (n.contains("/")) {
            return null;
        }
        for (TableKind k : values()) {
            if (k.base.equals(n)) {
                return k;
            }
        }
        if (n.startsWith("usage") && !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            char c = n.charAt(5);
            if (Character.isDigit(c) || c == ' ' || c == '_' || c == '-' || c == '(') {
                return USAGE;
            }
        }
        return null;
    }

    static int rank(String name) {
        TableKind k = of(name);
        return k == null ? values().length : k.ordinal();
    }
}
