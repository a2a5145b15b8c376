package id.padu.domain;

/** Whether the central uplinks must survive losing one provider ({@code plan.redundancy}). */
public enum Redundancy {
    SINGLE, DUAL
}
