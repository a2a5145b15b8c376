package id.padu.app.collection;

import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.dataset.TableSource;
import id.padu.domain.Agency;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agencies (with their prefixes) for flow attribution, read by the dataset reader so that
 * every rule of agencies.csv holds here too: either an agencies.csv on its own or a whole
 * dataset folder.
 */
public final class AgenciesFile {

    /** subscriptions.csv is required by the format; attribution needs only the agencies. */
    private static final byte[] EMPTY_SUBSCRIPTIONS =
            "agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr\n".getBytes(StandardCharsets.UTF_8);

    private AgenciesFile() {
    }

    public static List<Agency> read(Path path) throws DatasetException {
        if (Files.isDirectory(path)) {
            return DatasetReader.readFolder(path).agencies();
        }
        if (!Files.isRegularFile(path)) {
            throw new DatasetException(List.of(new DatasetError(path.toString(), 0, null, null, "file.missing", List.of())));
        }
        Map<String, TableSource.Opener> files = new LinkedHashMap<>();
        files.put("agencies.csv", () -> Files.newInputStream(path));
        files.put("subscriptions.csv", () -> new ByteArrayInputStream(EMPTY_SUBSCRIPTIONS));
        return DatasetReader.read(TableSource.csvFiles(files)).dataset().agencies();
    }
}
