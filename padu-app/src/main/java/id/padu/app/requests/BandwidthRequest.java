package id.padu.app.requests;

import java.time.Instant;

/** An agency's request for a new CIR/MIR (bps, down and up), and what was decided. */
record BandwidthRequest(long id, String agency, String requestedBy, Allocation requested, String reason,
                        Status status, String decidedBy, String decisionNote, Instant createdAt, Instant decidedAt) {

    enum Status {
        PENDING, APPROVED, DECLINED
    }
}
