package id.padu.availability;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Offer;
import id.padu.domain.Rupiah;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A monitored uplink matched with the plan of record's uplinks and their offers' SLA. */
class SlaTermTest {

    static Offer offer(String provider, String product, Double sla) {
        return new Offer(provider, product, ConnectionKind.DEDICATED, BitRate.ofMbps(500), null, Rupiah.of(30_000_000),
                Rupiah.ZERO, 12, sla);
    }

    static Plan plan(Uplink... uplinks) {
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(uplinks), List.of());
    }

    static final List<Offer> OFFERS = List.of(offer("Telkom", "Astinet 500", 99.5), offer("Telkom", "Astinet 1G", 99.7),
            offer("Lintasarta", "IP Transit 500", 99.9), offer("Iconnet", "Dedicated 200", null));
    static final Uplink TELKOM_500 = new Uplink("Telkom", "Astinet 500", 500, 500, 30_000_000, 0);
    static final Uplink TELKOM_1G = new Uplink("Telkom", "Astinet 1G", 1000, 1000, 55_000_000, 0);
    static final Uplink LINTAS = new Uplink("Lintasarta", "IP Transit 500", 500, 500, 28_000_000, 0);
    static final Uplink ICON = new Uplink("Iconnet", "Dedicated 200", 200, 200, 9_000_000, 0);

    @Test
    void theProvidersUplinkInThePlanGivesItsOffersSla() {
        SlaTerm t = SlaTerm.find(plan(TELKOM_500, LINTAS), OFFERS, " lintasarta ", null);
        assertThat(t.status()).isEqualTo(SlaTerm.Status.FOUND);
        assertThat(t.product()).isEqualTo("IP Transit 500");
        assertThat(t.slaPct()).isEqualTo(99.9);
        assertThat(t.monthlyCostIdr()).isEqualTo(28_000_000);
    }

    @Test
    void withoutAPlanOrAnUplinkInItThereIsNoSla() {
        assertThat(SlaTerm.find(null, OFFERS, "Telkom", null).status()).isEqualTo(SlaTerm.Status.NO_PLAN);
        assertThat(SlaTerm.find(plan(LINTAS), OFFERS, "Telkom", null).status()).isEqualTo(SlaTerm.Status.NOT_IN_PLAN);
        assertThat(SlaTerm.find(plan(ICON), OFFERS, "Iconnet", null).status()).isEqualTo(SlaTerm.Status.NO_SLA);
    }

    @Test
    void twoProductsOfOneProviderNeedTheProductNamed() {
        Plan p = plan(TELKOM_500, TELKOM_1G);
        assertThat(SlaTerm.find(p, OFFERS, "Telkom", "").status()).isEqualTo(SlaTerm.Status.AMBIGUOUS);
        SlaTerm named = SlaTerm.find(p, OFFERS, "Telkom", "astinet 1g");
        assertThat(named.status()).isEqualTo(SlaTerm.Status.FOUND);
        assertThat(named.slaPct()).isEqualTo(99.7);
    }
}
