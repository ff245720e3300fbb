package dev.affinity.training.export;

import dev.affinity.features.products.ProductRows;
import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.SegmentSet;
import dev.affinity.features.tokens.TokenSet;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.ItemCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Streams a profile snapshot into an export file: profiles are read in batches through DuckDB, each
 * batch is scored in parallel and written in customer-id order, so memory holds one batch, never all
 * customers. The file is written under a temporary name and renamed into place when complete.
 */
public final class CustomerExport {
    /** Profiles read, scored and written together. */
    static final int BATCH = 2048;

    private final Warehouse warehouse;
    private final Progress progress;

    /** An export over {@code warehouse}. */
    public CustomerExport(Warehouse warehouse, Progress progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /**
     * What each row is made of.
     *
     * @param recommender the recommender, or {@code null} for empty recommendations
     * @param k recommendations per customer, 1..1000
     * @param churnFields per profile, {@code churn_score} and {@code churn_tier} (an empty map
     *     without a churn model)
     * @param segments the compiled segments
     * @param tokens the compiled tokens
     */
    public record Sources(
            ExportRecommender recommender,
            int k,
            Function<Map<String, Object>, Map<String, Object>> churnFields,
            SegmentSet segments,
            TokenSet tokens) {
        /** Checks k. */
        public Sources {
            if (k < 1 || k > 1000) {
                throw new IllegalArgumentException("--k must be 1..1000, got " + k);
            }
        }
    }

    /**
     * What an export wrote.
     *
     * @param asOf the snapshot's cutoff
     * @param file the file written
     * @param format its format
     * @param rows customers written
     * @param personalized rows with personalized recommendations
     * @param seconds wall time
     * @param rowsPerSecond rows over seconds
     */
    public record Result(
            LocalDate asOf,
            Path file,
            ExportFormat format,
            long rows,
            long personalized,
            double seconds,
            double rowsPerSecond) {}

    /**
     * The latest profile snapshot's cutoff, or the given one when its snapshot exists.
     *
     * @throws IllegalArgumentException naming the command that makes the snapshot when there is none
     */
    public LocalDate snapshot(LocalDate asOf) {
        CustomerProfiles profiles = new CustomerProfiles(warehouse, Progress.NONE);
        if (asOf != null) {
            if (!Files.isRegularFile(profiles.snapshotFile(asOf))) {
                throw new IllegalArgumentException("no profile snapshot as of " + asOf + " in " + warehouse.root()
                        + " (run: affinity features --as-of " + asOf + ")");
            }
            return asOf;
        }
        Path dir = warehouse.root().resolve(CustomerProfiles.TABLE);
        Optional<LocalDate> latest = Optional.empty();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                latest = entries.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("as_of=\\d{4}-\\d{2}-\\d{2}"))
                        .map(n -> LocalDate.parse(n.substring("as_of=".length())))
                        .filter(d -> Files.isRegularFile(profiles.snapshotFile(d)))
                        .max(LocalDate::compareTo);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return latest.orElseThrow(() -> new IllegalArgumentException("no customer profile snapshot in "
                + warehouse.root() + " (run: affinity features --as-of DATE, or pass --as-of)"));
    }

    /** The warehouse's products as a catalog: titles, categories, prices, stock, merchandise flags. */
    public ItemCatalog catalog() {
        return ItemCatalog.of(ProductRows.read(warehouse).stream()
                .map(p -> new CatalogItem(p.id(), p.title(), p.category(), p.price(), p.inStock(), p.merchandise()))
                .toList());
    }

    /** Writes every customer of the snapshot as of {@code asOf} to {@code output}. */
    public Result run(LocalDate asOf, Sources sources, ExportFormat format, Path output) {
        long start = System.nanoTime();
        Path snapshot = new CustomerProfiles(warehouse, Progress.NONE).snapshotFile(asOf);
        Path absolute = output.toAbsolutePath();
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        String step = "export as of " + asOf;
        long rows = 0;
        long personalized = 0;
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try (WarehouseSql sql = WarehouseSql.open(warehouse);
                    Writer file = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
                    ExportWriter out = format.open(file, sources.tokens().names())) {
                long total = count(sql, snapshot);
                progress.update(step, 0, total);
                try (PreparedStatement s =
                        sql.connection().prepareStatement("SELECT * FROM read_parquet(?) ORDER BY customer_id")) {
                    s.setString(1, snapshot.toString());
                    try (ResultSet rs = s.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        String[] columns = new String[meta.getColumnCount()];
                        for (int i = 0; i < columns.length; i++) {
                            columns[i] = meta.getColumnName(i + 1);
                        }
                        ProfileFields fields = ProfileFields.customerProfiles();
                        LocalDateTime now = asOf.atStartOfDay();
                        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
                        boolean more = true;
                        while (more) {
                            more = rs.next();
                            if (more) {
                                Map<String, Object> profile = new HashMap<>(columns.length * 2);
                                for (int i = 0; i < columns.length; i++) {
                                    profile.put(columns[i], CustomerProfiles.javaValue(rs.getObject(i + 1)));
                                }
                                batch.add(profile);
                            }
                            if (batch.size() == BATCH || (!more && !batch.isEmpty())) {
                                ExportRow[] done = score(batch, sources, fields, now);
                                for (ExportRow row : done) {
                                    out.write(row);
                                    personalized += row.recommendationSource().equals("personalized") ? 1 : 0;
                                }
                                rows += done.length;
                                batch.clear();
                                progress.update(step, rows, total);
                            }
                        }
                    }
                }
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw new IllegalStateException("cannot read " + snapshot + ": " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + output, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(asOf, absolute, format, rows, personalized, seconds, rows / Math.max(seconds, 1e-9));
    }

    /** The rows of one batch, in its order; the customers are independent, so they are scored in parallel. */
    private static ExportRow[] score(
            List<Map<String, Object>> batch, Sources sources, ProfileFields fields, LocalDateTime now) {
        ExportRow[] rows = new ExportRow[batch.size()];
        IntStream.range(0, rows.length).parallel().forEach(i -> rows[i] = row(batch.get(i), sources, fields, now));
        return rows;
    }

    /** One customer's row. A customer flagged {@code do_not_sell} gets popular items and defaults only. */
    static ExportRow row(Map<String, Object> profile, Sources sources, ProfileFields fields, LocalDateTime now) {
        String id = (String) profile.get("customer_id");
        boolean doNotPersonalize = Boolean.TRUE.equals(profile.get("do_not_sell"));
        ExportRecommender.Answer answer = sources.recommender() == null
                ? new ExportRecommender.Answer(List.of(), "none")
                : sources.recommender().recommend(id, sources.k(), doNotPersonalize);
        if (doNotPersonalize) {
            return new ExportRow(
                    id,
                    answer.itemIds(),
                    answer.source(),
                    null,
                    null,
                    List.of(),
                    sources.tokens().fallbacks().values());
        }
        Map<String, Object> churn = sources.churnFields().apply(profile);
        profile.putAll(churn);
        Object[] row = fields.row(profile);
        Object score = churn.get("churn_score");
        return new ExportRow(
                id,
                answer.itemIds(),
                answer.source(),
                score instanceof Number n ? (int) Math.round(n.doubleValue()) : null,
                churn.get("churn_tier") == null
                        ? null
                        : churn.get("churn_tier").toString().toLowerCase(Locale.ROOT),
                sources.segments().labels(row, now),
                sources.tokens().resolve(row, now).values());
    }

    private static long count(WarehouseSql sql, Path snapshot) throws SQLException {
        try (PreparedStatement s = sql.connection().prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            s.setString(1, snapshot.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The original failure is what the caller needs to see.
        }
    }
}
