package id.padu.app.web;

import id.padu.demo.KotimDemo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whose reports these are: {@code padu.region-name} (e.g. "Kabupaten Kotawaringin Timur"), else
 * the demo's title when the demo is loaded ({@code padu.demo=true}), else empty (pages then ask
 * for the setting). Shared by the dashboard's spend report and the planning study.
 */
@Component
public class Region {

    private final String name;
    private final boolean demo;

    Region(@Value("${padu.region-name:}") String name, @Value("${padu.demo:false}") boolean demo) {
        this.demo = demo;
        this.name = !name.isBlank() ? name.strip() : demo ? KotimDemo.TITLE : "";
    }

    public String name() {
        return name;
    }

    public boolean demo() {
        return demo;
    }

    public String demoTitle() {
        return KotimDemo.TITLE;
    }
}
