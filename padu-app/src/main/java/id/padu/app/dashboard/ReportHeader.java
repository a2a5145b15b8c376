package id.padu.app.dashboard;

import id.padu.app.web.Region;
import org.springframework.stereotype.Component;

/** Whose report this is: see {@link Region}. */
@Component
class ReportHeader {

    private final Region region;

    ReportHeader(Region region) {
        this.region = region;
    }

    String regionName() {
        return region.name();
    }

    boolean demo() {
        return region.demo();
    }

    String demoTitle() {
        return region.demoTitle();
    }
}
