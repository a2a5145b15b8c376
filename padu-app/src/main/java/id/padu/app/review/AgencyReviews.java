package id.padu.app.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What other modules may read of the review rounds: the open rounds an agency is asked to answer,
 * for the agency's page (an operator's home), each with whether its current terms are answered.
 */
@Service
public class AgencyReviews {

    /** An open round that includes the agency; {@code answer} is agree/object or null while unanswered. */
    public record Pending(long roundId, String title, LocalDate dueDate, int revision, String answer) {
    }

    private final ReviewService reviews;

    AgencyReviews(ReviewService reviews) {
        this.reviews = reviews;
    }

    public List<Pending> open(String agency) {
        List<Pending> out = new ArrayList<>();
        for (ReviewStore.Round r : reviews.rounds()) {
            if (!r.open()) {
                continue;
            }
            var answers = reviews.answers(r);
            if (answers.containsKey(agency)) {
                var revs = reviews.revisions(r);
                ReviewStore.Response a = answers.get(agency);
                out.add(new Pending(r.id(), r.title(), r.dueDate(), revs.isEmpty() ? 1 : revs.get(revs.size() - 1).revision(),
                        a == null ? null : a.decision()));
            }
        }
        return out;
    }
}
