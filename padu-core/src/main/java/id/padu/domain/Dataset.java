package id.padu.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a regency's dataset folder says (dataset format v1): agencies, what they buy
 * today, what could be bought centrally, links to the hub, hosted services, measured usage
 * and settings. Immutable; every reference to an agency code is known to resolve.
 *
 * @param links null when links.csv is absent (then every agency can join at no extra cost);
 *              present but without a row for an agency means that agency cannot be centralised
 * @param usage per agency code, in the order of {@link #agencies()}; agencies without
 *              measurements have no entry
 */
public record Dataset(List<Agency> agencies, List<Subscription> subscriptions, List<Offer> offers,
                      List<Link> links, List<OnlineService> services, Map<String, UsageSeries> usage,
                      Settings settings) {

    public Dataset {
        agencies = List.copyOf(agencies);
        subscriptions = List.copyOf(subscriptions);
        offers = offers == null ? List.of() : List.copyOf(offers);
        links = links == null ? null : List.copyOf(links);
        services = services == null ? List.of() : List.copyOf(services);
        usage = usage == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        settings = settings == null ? Settings.DEFAULTS : settings;
    }

    public boolean hasLinksFile() {
        return links != null;
    }

    public Optional<Agency> agency(String code) {
        return agencies.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public List<Subscription> subscriptionsOf(String agencyCode) {
        return subscriptions.stream().filter(s -> s.agency().equals(agencyCode)).toList();
    }

    /** Link of the agency; empty when there is none (or no links file). */
    public Optional<Link> linkOf(String agencyCode) {
        if (links == null) {
            return Optional.empty();
        }
        return links.stream().filter(l -> l.agency().equals(agencyCode)).findFirst();
    }

    public List<OnlineService> servicesOf(String agencyCode) {
        return services.stream().filter(s -> s.agency().equals(agencyCode)).toList();
    }

    public Optional<UsageSeries> usageOf(String agencyCode) {
        return Optional.ofNullable(usage.get(agencyCode));
    }

    /** Status-quo annual spend: 12 x the sum of all monthly subscription costs. */
    public long statusQuoAnnualIdr() {
        long sum = 0;
        for (Subscription s : subscriptions) {
            sum = Math.addExact(sum, s.monthlyCost().value());
        }
        return Math.multiplyExact(12L, sum);
    }

    public Dataset withSettings(Settings newSettings) {
        return new Dataset(agencies, subscriptions, offers, links, services, usage, Objects.requireNonNull(newSettings));
    }
}
