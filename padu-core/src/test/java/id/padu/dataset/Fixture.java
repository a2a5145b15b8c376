package id.padu.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A dataset folder built in a test: a good base, files replaced or removed per case. */
final class Fixture {

    static final String AGENCIES = """
            code,name,kind,priority,prefixes
            DISKOMINFO,Dinas Komunikasi dan Informatika,dinas,high,10.20.0.0/16 2001:db8:20::/48
            RSUD,RSUD dr. Murjani,rsud,critical,10.30.0.0/16
            KEC-BAAMANG,Kecamatan Baamang,,,
            """;
    static final String SUBSCRIPTIONS = """
            agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr,install_cost_idr,start_date,end_date,exit_penalty_idr
            DISKOMINFO,Telkom,Astinet 100,dedicated,100,100,15000000,2500000,2024-01-01,2025-12-31,5000000
            RSUD,Telkom,IndiHome 50,broadband,50,10,560000,,2024-06-01,,
            KEC-BAAMANG,Iconnet,Iconnet 20,broadband,20,20,330000,,,,
            """;
    static final String OFFERS = """
            provider,product,kind,down_mbps,up_mbps,monthly_cost_idr,install_cost_idr,min_term_months,sla_pct
            Telkom,Astinet 500,dedicated,500,,60000000,5000000,24,99.5
            Lintasarta,Dedicated 300,dedicated,300,300,40000000,,,
            """;
    static final String LINKS = """
            agency,link_type,monthly_cost_idr,install_cost_idr,capacity_mbps
            DISKOMINFO,existing,0,,
            RSUD,fiber,1500000,20000000,1000
            """;
    static final String SERVICES = """
            agency,name,criticality,hostname,public_ip
            RSUD,SIMRS,critical,simrs.rsud.example.go.id,203.0.113.10
            DISKOMINFO,Website,,kotimkab.example.go.id,
            """;
    static final String SETTINGS = """
            key,value
            plan.quantile,0.9
            plan.redundancy,single
            migrate.windows,"SAT 07:00-13:00;SUN 07:00-11:00"
            migrate.blackouts,2025-12-15..2025-12-31
            """;
    static final String USAGE = """
            agency,time,down_bps,up_bps
            DISKOMINFO,2025-03-03T08:00:00+07:00,1000000,200000
            DISKOMINFO,2025-03-03T08:05:00+07:00,2000000,300000
            DISKOMINFO,2025-03-03T08:15:00+07:00,4000000,500000
            RSUD,2025-03-03T01:00:00Z,5000000,1000000
            RSUD,2025-03-03T08:05:00+07:00,6000000,1100000
            """;

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    static Fixture good() {
        Fixture f = new Fixture();
        f.put("agencies.csv", AGENCIES).put("subscriptions.csv", SUBSCRIPTIONS).put("offers.csv", OFFERS)
                .put("links.csv", LINKS).put("services.csv", SERVICES).put("settings.csv", SETTINGS)
                .put("usage.csv", USAGE);
        return f;
    }

    static Fixture minimal() {
        return new Fixture().put("agencies.csv", AGENCIES).put("subscriptions.csv", SUBSCRIPTIONS);
    }

    Fixture put(String name, String text) {
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Fixture putBytes(String name, byte[] bytes) {
        files.put(name, bytes);
        return this;
    }

    Fixture remove(String name) {
        files.remove(name);
        return this;
    }

    Map<String, byte[]> files() {
        return files;
    }

    Path writeTo(Path dir) {
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
