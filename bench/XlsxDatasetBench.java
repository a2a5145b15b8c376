
import id.padu.dataset.*;
import id.padu.app.datasets.XlsxDatasets;
import java.nio.file.*;
import java.io.*;
/** XLSX round trip of a dataset folder: write with SXSSF, read back with SAX, compare. */
public class XlsxDatasetBench {
  public static void main(String[] a) throws Exception {
    var d = DatasetReader.readFolder(Path.of(a[0]));
    Path x = Path.of(a[1]);
    long t0 = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(x))) { XlsxDatasets.write(d, out); }
    long t1 = System.nanoTime();
    System.out.printf("write %.1fs, %d MB%n", (t1-t0)/1e9, Files.size(x) >> 20);
    DatasetReader.Result r;
    try (InputStream in = Files.newInputStream(x)) { r = XlsxDatasets.readResult(in); }
    long t2 = System.nanoTime();
    System.out.printf("read %.1fs, equal=%s, counts=%s%n", (t2-t1)/1e9, r.dataset().equals(d), r.rowCounts());
  }
}
