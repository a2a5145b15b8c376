package id.padu.app.collection;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** What clients send and get back; secrets go in only, and come back as "is one set". */
final class CollectionInput {

    private CollectionInput() {
    }

    @Schema(description = "An SNMP target: an agency's WAN interface (kind agency, the default: its usage is measured) or "
            + "a central uplink's (kind uplink with the provider as the plan of record names it, and the product when the "
            + "plan has several of that provider: its polls give the uplink's availability against the SLA). Secrets "
            + "(community, authKey, privKey) are write-only: null or absent keeps the stored one, an empty string removes it; "
            + "answers only say whether one is set.")
    record TargetInput(
            @Schema(example = "RSUD") String agency,
            @Schema(example = "10.20.0.1") String host,
            @Schema(example = "161") Integer port,
            @Schema(allowableValues = {"2c", "3"}) String version,
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) String community,
            String user,
            @Schema(example = "SHA-256") String authProtocol,
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) String authKey,
            @Schema(example = "AES") String privProtocol,
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) String privKey,
            @JsonProperty("interface") @Schema(description = "ifIndex (digits), ifName or ifDescr", example = "ether1")
            String iface,
            @Schema(allowableValues = {"in-is-down", "in-is-up"}) String wanDirection,
            Boolean enabled,
            @Schema(allowableValues = {"agency", "uplink"}, description = "absent: agency") String kind,
            @Schema(description = "kind uplink: the provider, as the plan of record's uplinks name it", example = "Telkom")
            String provider,
            @Schema(description = "kind uplink: the product, needed when the plan has several of the provider",
                    example = "Astinet 500") String product) {
    }

    record TargetView(long id, String kind, String agency, String provider, String product, String host, int port,
                      String version, String user, String authProtocol, String privProtocol,
                      @JsonProperty("interface") String iface, String wanDirection, boolean enabled, boolean communitySet,
                      boolean authKeySet, boolean privKeySet) {

        static TargetView of(CollectionStore.TargetRow t) {
            return new TargetView(t.id(), t.kind(), t.agency(), t.provider(), t.uplink() ? t.product() : null, t.host(),
                    t.port(), t.version(), t.user(), t.authProtocol(), t.privProtocol(), t.iface(), t.wanDirection(),
                    t.enabled(), t.communitySecret() != null, t.authKeySecret() != null, t.privKeySecret() != null);
        }
    }

    @Schema(description = "A NetFlow v5/v9/IPFIX listener")
    record ListenerInput(
            @Schema(example = "gateway") String name,
            @Schema(example = "0.0.0.0") String bindAddress,
            @Schema(example = "2055") Integer port,
            @Schema(example = "2") Integer receiveThreads,
            @Schema(description = "socket receive buffer in bytes", example = "16777216") Integer receiveBuffer,
            Boolean enabled) {
    }

    record ListenerView(long id, String name, String bindAddress, int port, int receiveThreads, int receiveBuffer,
                        boolean enabled) {

        static ListenerView of(CollectionStore.ListenerRow l) {
            return new ListenerView(l.id(), l.name(), l.bindAddress(), l.port(), l.receiveThreads(), l.receiveBuffer(),
                    l.enabled());
        }
    }

    /** Invalid input: every problem, each naming the field, the value given and what is wrong (localized). */
    static final class Invalid extends RuntimeException {
        final transient List<Map<String, Object>> errors;

        Invalid(List<Map<String, Object>> errors) {
            super(errors.isEmpty() ? "invalid" : String.valueOf(errors.get(0).get("message")));
            this.errors = errors;
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what);
        }
    }

    static final class Conflict extends RuntimeException {
        Conflict(String what) {
            super(what);
        }
    }
}
