import id.padu.telemetry.flow.*;
import id.padu.domain.*;
import java.util.*;
/**
 * In-process decode + attribution cost per record, without sockets: the packets of
 * bench/replay-v9.c (30 IPv4 records of 35 bytes), 100 agencies of /16 each.
 *
 *   ./mvnw -q -o -pl padu-core compile && java -cp padu-core/target/classes bench/FlowDecodeMicro.java
 */
public class FlowDecodeMicro {
  public static void main(String[] a) throws Exception {
    List<Agency> ags = new ArrayList<>();
    for (int i = 1; i <= 100; i++) ags.add(new Agency("A"+i, "A"+i, null, null, List.of(IpPrefix.parse("10."+i+".0.0/16").orElseThrow())));
    AgencyPrefixes t = AgencyPrefixes.of(ags);
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(); java.io.DataOutputStream o = new java.io.DataOutputStream(b);
    int[][] f = {{8,4},{12,4},{1,4},{2,4},{22,4},{21,4},{7,2},{11,2},{4,1},{5,1},{6,1},{10,2},{14,2}};
    o.writeShort(9);o.writeShort(1);o.writeInt(100000);o.writeInt((int)(System.currentTimeMillis()/1000));o.writeInt(0);o.writeInt(1);
    o.writeShort(0);o.writeShort(8+f.length*4);o.writeShort(256);o.writeShort(f.length);for(int[] x:f){o.writeShort(x[0]);o.writeShort(x[1]);}
    byte[] tpl = b.toByteArray(); b.reset();
    Random r = new Random(1);
    o.writeShort(9);o.writeShort(30);o.writeInt(100000);o.writeInt((int)(System.currentTimeMillis()/1000));o.writeInt(1);o.writeInt(1);
    o.writeShort(256);o.writeShort(4+30*35+2);
    for(int i=0;i<30;i++){int ag=1+r.nextInt(100);o.writeInt(0xC6000000|r.nextInt(1<<24));o.writeInt((10<<24)|(ag<<16)|r.nextInt(65536));o.writeInt(1000);o.writeInt(1);o.writeInt(90000);o.writeInt(99000);o.writeShort(1000);o.writeShort(443);o.writeByte(6);o.writeByte(0);o.writeByte(0x18);o.writeShort(1);o.writeShort(2);}
    o.writeShort(0);
    byte[] data = b.toByteArray();
    FlowDecoder d = new FlowDecoder(); FlowAttribution at = new FlowAttribution(t, 60, 600000);
    byte[] ex = {127,0,0,1};
    d.decode(ex, tpl, 0, tpl.length, at);
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime(); int n = 2_000_000;
      for (int i = 0; i < n; i++) { data[12]=(byte)(i>>>24);data[13]=(byte)(i>>>16);data[14]=(byte)(i>>>8);data[15]=(byte)i; at.arrival(System.currentTimeMillis()); d.decode(ex, data, 0, data.length, at); }
      long ns = System.nanoTime() - t0;
      System.out.printf("%.1f ns/record, %.1f M records/s%n", ns / (n * 30.0), n * 30.0 / ns * 1000);
    }
    System.out.println(d.counters());
  }
}
