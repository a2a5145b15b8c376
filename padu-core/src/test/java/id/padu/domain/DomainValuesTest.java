package id.padu.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DomainValuesTest {

    @Test
    void rupiahIsFormattedTheIndonesianWay() {
        assertThat(Rupiah.of(1_234_567).format()).isEqualTo("Rp 1.234.567");
        assertThat(Rupiah.of(0).format()).isEqualTo("Rp 0");
        assertThat(Rupiah.of(-1_920_000_000L).format()).isEqualTo("-Rp 1.920.000.000");
    }

    @Test
    void mbpsConvertExactlyToBps() {
        assertThat(BitRate.ofMbps(new BigDecimal("20")).bps()).isEqualTo(20_000_000L);
        assertThat(BitRate.ofMbps(new BigDecimal("0.512")).bps()).isEqualTo(512_000L);
        assertThat(BitRate.ofMbps(new BigDecimal("2.5")).format()).isEqualTo("2.5 Mbps");
    }

    @Test
    void prefixesParseStrictlyAndMatchAddresses() {
        IpPrefix v4 = IpPrefix.parse("10.20.0.0/16").orElseThrow();
        assertThat(v4.contains(new byte[] {10, 20, 7, 9})).isTrue();
        assertThat(v4.contains(new byte[] {10, 21, 7, 9})).isFalse();
        assertThat(IpPrefix.parse("10.20.0.1/16")).isEmpty(); // host bits set
        assertThat(IpPrefix.parse("10.20.0.0/33")).isEmpty();
        assertThat(IpPrefix.parse("300.1.1.0/24")).isEmpty();
        assertThat(IpPrefix.parse("10.20.0.0")).isEmpty();

        IpPrefix v6 = IpPrefix.parse("2001:DB8:10::/48").orElseThrow();
        assertThat(v6.toString()).isEqualTo("2001:db8:10::/48");
        byte[] inside = IpPrefix.parse("2001:db8:10:ff::/64").orElseThrow().networkBytes();
        assertThat(v6.contains(inside)).isTrue();
        assertThat(IpPrefix.parse("2001:db8::1::/64")).isEmpty();
    }
}
