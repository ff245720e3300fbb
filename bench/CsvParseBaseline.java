import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Baseline for the import benchmark: decompress and parse the same CSV with commons-csv, touching
 * every field, and nothing else (no validation, no Parquet). Prints rows and seconds as JSON.
 * Run: java -cp "training/target/lib/*" bench/CsvParseBaseline.java FILE.csv.gz
 */
public class CsvParseBaseline {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long chars = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16), StandardCharsets.UTF_8),
                        1 << 16);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                rows++;
                for (String field : r) {
                    chars += field.length();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"rows\":%d,\"chars\":%d,\"elapsedSeconds\":%.3f}%n", rows, chars, seconds);
    }
}
