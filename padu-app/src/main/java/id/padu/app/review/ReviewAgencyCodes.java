package id.padu.app.review;

import id.padu.app.inventory.AgencyReferences;
import id.padu.app.inventory.AgencyRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Review answers are signed by an agency: a rename moves them, and an agency that answered is not deleted. */
@Component
class ReviewAgencyCodes {

    private final JdbcClient jdbc;

    ReviewAgencyCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        e.moved("review answers", jdbc.sql("UPDATE review_response SET agency = ? WHERE agency = ?")
                .params(e.to(), e.from()).update());
        e.moved("review replies", jdbc.sql("UPDATE review_reply SET agency = ? WHERE agency = ?")
                .params(e.to(), e.from()).update());
    }

    @EventListener
    void references(AgencyReferences q) {
        q.add("reviews", jdbc.sql("SELECT COUNT(*) FROM review_response WHERE agency = ?").param(q.code())
                .query(Integer.class).single(), "");
    }
}
