package id.padu.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only ASCII digits make an address: other scripts' digits look alike but are not what a router reads. */
class IpPrefixTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0661\u0660.0.0.0/8",          // Arabic-Indic 10 in the address
            "10.0.0.0/\u0668",               // Arabic-Indic 8 as the length
            "\uFF11\uFF10.0.0.0/8",          // fullwidth 10 in the address
            "10.0.0.0/\uFF18",               // fullwidth 8 as the length
            "\u0968.0.0.0/8",                // Devanagari 2
            "2001:db\u0668::/32",            // Arabic-Indic 8 in an IPv6 group
            "\uFF12001:db8::/32",            // fullwidth 2 in an IPv6 group
            "2001:db8::/\u0663\u0662",       // Arabic-Indic 32 as an IPv6 length
            "2001:db8::/\uFF13\uFF12",       // fullwidth 32 as an IPv6 length
            "\uFF41::/16",                   // fullwidth a as an IPv6 hex digit
            "+1::/16",                        // a sign is no hex digit
            "2001:-0::/32",
    })
    void onlyAsciiDigitsAreAccepted(String text) {
        assertThat(IpPrefix.parse(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "2001:db8::/32", "2001:DB8:a:F::/64", "0.0.0.0/0", "::/0"})
    void asciiPrefixesStillParse(String text) {
        assertThat(IpPrefix.parse(text)).as(text).isPresent();
    }
}
