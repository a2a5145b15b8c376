package id.padu.app.planning;

import id.padu.app.shared.Downloads;

import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.SpendAnalysis;
import id.padu.app.inventory.InventoryService;
import id.padu.app.shared.Formats;
import id.padu.app.web.Region;
import id.padu.domain.Dataset;
import id.padu.domain.Wib;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /planning/scenarios/{id}/export.xlsx} and {@code .pdf}: the plan and its study, in Bahasa Indonesia. */
@Controller
class PlanExports {

    static final MediaType XLSX = Downloads.XLSX;

    private final ScenarioRepository scenarios;
    private final Simulations simulations;
    private final InventoryService inventory;
    private final Region region;
    private final MessageSource messages;

    PlanExports(ScenarioRepository scenarios, Simulations simulations, InventoryService inventory, Region region,
                MessageSource messages) {
        this.scenarios = scenarios;
        this.simulations = simulations;
        this.inventory = inventory;
        this.region = region;
        this.messages = messages;
    }

    @GetMapping("/planning/scenarios/{id}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) throws IOException {
        Scenario s = scenario(id);
        LocalDate today = LocalDate.now(Wib.ZONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanXlsx.write(s, new StudyTexts(messages), regionName(), today, PlanRows.agencies(inventory.agencies()),
                simulations.of(s), out);
        return file(out.toByteArray(), XLSX, "xlsx", s);
    }

    @GetMapping("/planning/scenarios/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Scenario s = scenario(id);
        LocalDate today = LocalDate.now(Wib.ZONE);
        Dataset data = inventory.current();
        double quantile;
        try {
            quantile = PlanSettings.apply(data.settings(), s.settings()).quantile();
        } catch (PlanSettings.Invalid e) {
            quantile = data.settings().quantile();
        }
        AggregateAnalysis agg = SpendAnalysis.analyze(data, quantile, today).aggregate();
        PlanStudyPdf.Demand demand = new PlanStudyPdf.Demand(agg.sumOfQDownBps(), agg.down() == null ? null : agg.down().q(),
                agg.multiplexingGainDown(), agg.agenciesWithUsage(), data.agencies().size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanStudyPdf.write(s, new StudyTexts(messages), regionName(), today, PlanRows.agencies(data), simulations.of(s), demand, out);
        return file(out.toByteArray(), MediaType.APPLICATION_PDF, "pdf", s);
    }

    private String regionName() {
        return region.name().isEmpty() ? messages.getMessage("report.noRegion", null, StudyTexts.ID) : region.name();
    }

    private Scenario scenario(long id) {
        return scenarios.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "scenario " + id));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String ext, Scenario s) {
        String name = "kajian-rencana-" + s.id() + "." + ext;
        return Downloads.attachment(name, type).body(body);
    }
}
