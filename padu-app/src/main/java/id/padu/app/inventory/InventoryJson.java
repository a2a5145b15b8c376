package id.padu.app.inventory;

import id.padu.app.shared.ApiProblems;
import id.padu.dataset.DatasetRules;
import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.IpPrefix;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Offer;
import id.padu.domain.OnlineService;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON shapes of the inventory API. Units are in the names: rates in bits per second, money in
 * whole Rupiah; enumerations use the dataset's lower-case codes.
 */
final class InventoryJson {

    private InventoryJson() {
    }

    static final String KIND = "dinas|badan|sekretariat|inspektorat|kecamatan|kelurahan|rsud|puskesmas|sekolah|lainnya";
    static final String PRIORITY = "critical|high|normal|low";
    static final String CONNECTION = "dedicated|broadband";
    static final String LINK_TYPE = "fiber|radio|vpn|leased|existing";
    static final String MONEY_BOUND = "at most " + Rupiah.MAX_IDR + " Rupiah (Rp 1 kuadriliun)";
    static final String RATE_BOUND = "at most " + BitRate.MAX_BPS + " bit/s (1 Tbit/s)";

    record AgencyJson(
            @NotBlank @Pattern(regexp = Agency.CODE_PATTERN, message = "must match " + Agency.CODE_PATTERN) String code,
            @NotBlank @Size(max = 300) String name,
            @Schema(allowableValues = {"dinas", "badan", "sekretariat", "inspektorat", "kecamatan", "kelurahan", "rsud",
                    "puskesmas", "sekolah", "lainnya"}, defaultValue = "lainnya")
            @Pattern(regexp = KIND, message = "must be one of " + KIND) String kind,
            @Schema(allowableValues = {"critical", "high", "normal", "low"}, defaultValue = "normal")
            @Pattern(regexp = PRIORITY, message = "must be one of " + PRIORITY) String priority,
            @Schema(description = "IPv4/IPv6 networks in CIDR form", example = "[\"10.20.1.0/24\"]") List<String> prefixes) {

        static AgencyJson of(Agency a) {
            return new AgencyJson(a.code(), a.name(), a.kind().code(), a.priority().code(),
                    a.prefixes().stream().map(IpPrefix::toString).toList());
        }

        Agency toDomain() {
            List<IpPrefix> parsed = new ArrayList<>();
            List<String> given = prefixes == null ? List.of() : prefixes;
            for (int i = 0; i < given.size(); i++) {
                String p = given.get(i);
                int index = i;
                parsed.add(IpPrefix.parse(p).orElseThrow(() -> ApiProblems.invalid("prefixes[" + index + "]", p,
                        "not a network in CIDR form (host bits must be zero)")));
            }
            return new Agency(code, name.trim(), kind == null ? null : AgencyKind.fromCode(kind).orElseThrow(),
                    priority == null ? null : Priority.fromCode(priority).orElseThrow(), parsed);
        }
    }

    record SubscriptionJson(
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
            @NotBlank String agency,
            @NotBlank @Size(max = 200) String provider,
            @NotBlank @Size(max = 200) String product,
            @NotNull @Pattern(regexp = CONNECTION, message = "must be one of " + CONNECTION) String kind,
            @NotNull @PositiveOrZero @Max(value = BitRate.MAX_BPS, message = RATE_BOUND) Long downBps,
            @NotNull @PositiveOrZero @Max(value = BitRate.MAX_BPS, message = RATE_BOUND) Long upBps,
            @NotNull @PositiveOrZero @Max(value = Rupiah.MAX_IDR, message = MONEY_BOUND) Long monthlyCostIdr,
            @PositiveOrZero @Max(value = Rupiah.MAX_IDR, message = MONEY_BOUND) Long installCostIdr,
            LocalDate startDate,
            LocalDate endDate,
            @PositiveOrZero @Max(value = Rupiah.MAX_IDR, message = MONEY_BOUND) Long exitPenaltyIdr) {

        static SubscriptionJson of(Identified<Subscription> row) {
            Subscription s = row.value();
            return new SubscriptionJson(row.id(), s.agency(), s.provider(), s.product(), s.kind().code(), s.down().bps(),
                    s.up().bps(), s.monthlyCost().value(), s.installCost().value(), s.startDate(), s.endDate(),
                    s.exitPenalty().value());
        }

        Subscription toDomain() {
            // the dataset's own rules, so that an export of what is stored imports back
            requireDatasetDate("startDate", startDate);
            requireDatasetDate("endDate", endDate);
            if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
                throw ApiProblems.invalid("endDate", endDate.toString(), "must not be before startDate " + startDate);
            }
            return new Subscription(agency, provider.trim(), product.trim(), ConnectionKind.fromCode(kind).orElseThrow(),
                    BitRate.ofBps(downBps), BitRate.ofBps(upBps), Rupiah.of(monthlyCostIdr),
                    installCostIdr == null ? null : Rupiah.of(installCostIdr), startDate, endDate,
                    exitPenaltyIdr == null ? null : Rupiah.of(exitPenaltyIdr));
        }
    }

    record OfferJson(
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
            @NotBlank @Size(max = 200) String provider,
            @NotBlank @Size(max = 200) String product,
            @NotNull @Pattern(regexp = CONNECTION, message = "must be one of " + CONNECTION) String kind,
            @NotNull @PositiveOrZero @Max(value = BitRate.MAX_BPS, message = RATE_BOUND) Long downBps,
            @Schema(description = "default: downBps") @PositiveOrZero @Max(value = BitRate.MAX_BPS, message = RATE_BOUND) Long upBps,
            @NotNull @PositiveOrZero @Max(value = Rupiah.MAX_IDR, message = MONEY_BOUND) Long monthlyCostIdr,
            @PositiveOrZero @Max(value = Rupiah.MAX_IDR, message = MONEY_BOUND) Long installCostIdr,
            @Schema(defaultValue = "12") @Min(0) Integer minTermMonths,
            @DecimalMin("0") @DecimalMax("100") Double slaPct) {

        static OfferJson of(Identified<Offer> row) {
            Offer o = row.value();
            return new OfferJson(row.id(), o.provider(), o.product(), o.kind().code(), o.down().bps(), o.up().bps(),
                    o.monthlyCost().value(), o.installCost().value(), o.minTermMonths(), o.slaPct());
        }

        Offer toDomain() {
            return new Offer(provider.trim(), product.trim(), ConnectionKind.fromCode(kind).orElseThrow(),
                    BitRate.ofBps(downBps), upBps == null ? null : BitRate.ofBps(upBps), Rupiah.of(monthlyCostIdr),
                    installCostIdr == null ? null : Rupiah.of(installCostIdr),
                    minTermMonths == null ? Offer.DEFAULT_MIN_TERM_MONTHS : minTermMonths, slaPct);
        }
    }

    record LinkJson(
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String agency,
            @NotNull @Pattern(regexp = LINK_TYPE, message = "must be one of " + LINK_TYPE) String linkType,
            @NotNull @PositiveOrZero @Max(value = Rupiah.MAX_IDR, message = MONEY_BOUND) Long monthlyCostIdr,
            @PositiveOrZero @Max(value = Rupiah.MAX_IDR, message = MONEY_BOUND) Long installCostIdr,
            @Schema(description = "null: no limit") @PositiveOrZero @Max(value = BitRate.MAX_BPS, message = RATE_BOUND) Long capacityBps) {

        static LinkJson of(Link l) {
            return new LinkJson(l.agency(), l.type().code(), l.monthlyCost().value(), l.installCost().value(),
                    l.capacity() == null ? null : l.capacity().bps());
        }

        Link toDomain(String agencyCode) {
            return new Link(agencyCode, LinkType.fromCode(linkType).orElseThrow(), Rupiah.of(monthlyCostIdr),
                    installCostIdr == null ? null : Rupiah.of(installCostIdr),
                    capacityBps == null ? null : BitRate.ofBps(capacityBps));
        }
    }

    record ServiceJson(
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
            @NotBlank String agency,
            @NotBlank @Size(max = 200) String name,
            @Schema(allowableValues = {"critical", "high", "normal", "low"}, defaultValue = "normal")
            @Pattern(regexp = PRIORITY, message = "must be one of " + PRIORITY) String criticality,
            @Size(max = 255) String hostname,
            @Size(max = 64) String publicIp) {

        static ServiceJson of(Identified<OnlineService> row) {
            OnlineService s = row.value();
            return new ServiceJson(row.id(), s.agency(), s.name(), s.criticality().code(), s.hostname(), s.publicIp());
        }

        OnlineService toDomain() {
            // the dataset's own rules (services.csv), so that an export of what is stored imports back
            String host = blankToNull(hostname);
            if (host != null && !DatasetRules.isHostname(host)) {
                throw ApiProblems.invalid("hostname", hostname, "not a valid DNS host name (e.g. simpeg.kotimkab.go.id)");
            }
            String ip = blankToNull(publicIp);
            if (ip != null && !DatasetRules.isIpAddress(ip)) {
                throw ApiProblems.invalid("publicIp", publicIp, "not a valid IPv4 or IPv6 address");
            }
            return new OnlineService(agency, name.trim(), criticality == null ? null : Priority.fromCode(criticality).orElseThrow(),
                    blankToNull(hostname), blankToNull(publicIp));
        }
    }

    static void requireDatasetDate(String field, LocalDate date) {
        if (!DatasetRules.isDate(date)) {
            throw ApiProblems.invalid(field, date.toString(), "must be a date between " + DatasetRules.FIRST_DATE + " and "
                    + DatasetRules.LAST_DATE);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
