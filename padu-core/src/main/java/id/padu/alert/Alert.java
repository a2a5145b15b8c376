package id.padu.alert;

import id.padu.domain.Direction;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A rule that fires: for which agency (null: the regency's uplinks) and direction (null: none),
 * on what ({@code subject}, e.g. the subscription that ends; null when the agency says it all),
 * the measured {@code value} against the rule's {@code threshold} (in the rule's unit: bit/s, a
 * share from 0 to 1, hours, days or Rupiah per month; see {@link AlertRule}), and since when
 * (epoch seconds; null when unknown, e.g. an agency never measured).
 */
public record Alert(AlertRule rule, String agency, Direction direction, String subject, double value, double threshold,
                    Long sinceEpochSecond, List<Object> args) {

    public Alert {
        Objects.requireNonNull(rule, "rule");
        args = List.copyOf(args);
    }

    /** What identifies the same alert from one evaluation to the next. */
    public String key() {
        return rule.code() + "|" + (agency == null ? "" : agency) + "|"
                + (direction == null ? "" : direction.name().toLowerCase(Locale.ROOT)) + "|" + (subject == null ? "" : subject);
    }

    /** The alert as one sentence in the reader's language. */
    public String message(Locale locale) {
        return AlertText.message(this, locale);
    }
}
