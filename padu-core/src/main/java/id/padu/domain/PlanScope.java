package id.padu.domain;

/** {@code optimize}: the planner decides which agencies join; {@code all}: every agency joins. */
public enum PlanScope {
    OPTIMIZE, ALL
}
