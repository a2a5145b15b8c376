package id.padu.shaping;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to render a plan for a gateway.
 *
 * @param wanInterface the interface facing the uplinks ({@code eth0}; for RouterOS null means
 *                     the default configuration's interface list {@code WAN})
 * @param ifbInterface the IFB device that carries the download direction on Linux
 * @param leaf         queue under each class
 * @param routerOsMode queue tree or simple queues
 * @param mtu          the WAN's IP MTU; quantum and burst are whole frames of it
 */
public record ShapingOptions(String wanInterface, String ifbInterface, LeafQdisc leaf, RouterOsMode routerOsMode, int mtu) {

    /** Linux interface names: at most 15 characters, no slash, no white space (and safe in a shell word). */
    public static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_.@:-]{1,15}");

    public static final String DEFAULT_LINUX_WAN = "eth0";
    public static final String DEFAULT_IFB = "ifb0";

    public ShapingOptions {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(routerOsMode, "routerOsMode");
        ifbInterface = ifbInterface == null ? DEFAULT_IFB : ifbInterface;
        if (wanInterface != null && !INTERFACE_NAME.matcher(wanInterface).matches()) {
            throw new IllegalArgumentException("bad interface name: " + wanInterface);
        }
        if (!INTERFACE_NAME.matcher(ifbInterface).matches()) {
            throw new IllegalArgumentException("bad interface name: " + ifbInterface);
        }
        if (mtu < 576 || mtu > 65_535) {
            throw new IllegalArgumentException("MTU out of range: " + mtu);
        }
    }

    public static ShapingOptions defaults() {
        return new ShapingOptions(null, DEFAULT_IFB, LeafQdisc.FQ_CODEL, RouterOsMode.TREE, 1500);
    }

    public ShapingOptions withWan(String wan) {
        return new ShapingOptions(wan, ifbInterface, leaf, routerOsMode, mtu);
    }

    public ShapingOptions withIfb(String ifb) {
        return new ShapingOptions(wanInterface, ifb, leaf, routerOsMode, mtu);
    }

    public ShapingOptions withLeaf(LeafQdisc l) {
        return new ShapingOptions(wanInterface, ifbInterface, l, routerOsMode, mtu);
    }

    public ShapingOptions withRouterOsMode(RouterOsMode m) {
        return new ShapingOptions(wanInterface, ifbInterface, leaf, m, mtu);
    }

    /** The Linux WAN interface: the one given, else {@value #DEFAULT_LINUX_WAN}. */
    public String linuxWan() {
        return wanInterface == null ? DEFAULT_LINUX_WAN : wanInterface;
    }

    /** Bytes of one full Ethernet frame as HTB counts it (IP MTU plus the 14-byte header). */
    public int frameBytes() {
        return mtu + 14;
    }
}
