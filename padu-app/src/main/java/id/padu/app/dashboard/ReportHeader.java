package id.padu.app.dashboard;

import id.padu.demo.KotimDemo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whose report this is: {@code padu.region-name} (e.g. "Kabupaten Kotawaringin Timur"), else the
 * demo's title when the demo is loaded ({@code padu.demo=true}), else empty (the pages then ask
 * for the setting).
 */
@Component
class ReportHeader {

    private final String regionName;
    private final boolean demo;

    ReportHeader(@Value("${padu.region-name:}") String regionName, @Value("${padu.demo:false}") boolean demo) {
        this.demo = demo;
        this.regionName = !regionName.isBlank() ? regionName.strip() : demo ? KotimDemo.TITLE : "";
    }

    String regionName() {
        return regionName;
    }

    boolean demo() {
        return demo;
    }

    String demoTitle() {
        return KotimDemo.TITLE;
    }
}
