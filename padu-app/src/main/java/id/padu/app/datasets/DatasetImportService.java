package id.padu.app.datasets;

import id.padu.app.inventory.InventoryService;
import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetWriter;
import id.padu.dataset.ReadLimits;
import id.padu.domain.Dataset;
import id.padu.domain.Rupiah;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Import and export of whole datasets. An import is read and validated completely before the
 * first row is written, and then written in one transaction: any error leaves the stored data
 * exactly as it was.
 */
@Service
class DatasetImportService {

    enum Mode {
        REPLACE, MERGE
    }

    record Summary(Mode mode, int agencies, int subscriptions, int offers, int links, int services, int usageSeries,
                   long usageSamples) {
        static Summary of(Mode mode, Dataset d) {
            long samples = d.usage().values().stream().mapToLong(s -> s.measuredCount()).sum();
            return new Summary(mode, d.agencies().size(), d.subscriptions().size(), d.offers().size(),
                    d.links() == null ? 0 : d.links().size(), d.services().size(), d.usage().size(), samples);
        }
    }

    private final InventoryService inventory;
    private final ReadLimits limits;

    DatasetImportService(InventoryService inventory,
                         @Value("${padu.import.max-uncompressed-size:2GB}") DataSize maxUncompressed,
                         @Value("${padu.import.max-zip-entries:10000}") int maxEntries) {
        this.inventory = inventory;
        this.limits = ReadLimits.DEFAULT.withZip(maxUncompressed.toBytes(), maxEntries);
    }

    Summary importDataset(List<DatasetUpload.Part> parts, Mode mode) throws DatasetException, IOException {
        Dataset dataset = DatasetUpload.read(parts, limits);
        try {
            if (mode == Mode.MERGE) {
                inventory.merge(dataset);
            } else {
                inventory.replace(dataset);
            }
        } catch (InventoryService.TotalTooLarge e) {
            // A merge whose rows are each within the bounds, but not with the stored ones together.
            throw new DatasetException(List.of(new DatasetError(e.file(), 0, e.column(), e.total().toPlainString(),
                    "value.totalTooLarge", List.of(Rupiah.format(Rupiah.MAX_IDR)))));
        }
        return Summary.of(mode, dataset);
    }

    void exportZip(OutputStream out) throws IOException {
        DatasetWriter.writeZip(inventory.current(), out);
    }

    void exportXlsx(OutputStream out) throws IOException {
        XlsxDatasets.write(inventory.current(), out);
    }
}
