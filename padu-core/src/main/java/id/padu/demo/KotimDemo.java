package id.padu.demo;

import id.padu.domain.Dataset;
import java.time.LocalDate;

/**
 * The built-in demo: "Kotawaringin Timur (ilustrasi)", an illustration built on public facts
 * (shared/facts); costs and usage are synthetic, generated deterministically from a fixed seed.
 * API agreed between the modules; the implementation is being written (branch analysis).
 */
public final class KotimDemo {

    /** Name shown wherever the demo is displayed. */
    public static final String TITLE = "Kabupaten Kotawaringin Timur (ilustrasi)";

    private KotimDemo() {
    }

    /**
     * The demo dataset with one year of 5-minute usage ending the day before {@code today},
     * contracts ending over the two years after it.
     */
    public static Dataset dataset(LocalDate today) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
