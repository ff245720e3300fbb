package dev.affinity.bench.load;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.ServingApp;
import dev.affinity.serving.ServingServer;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ModelManager;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Load on {@code GET /v1/users/{id}/personalization} (random ids among the synthetic customers) and,
 * in the same run, on a constant-JSON Javalin endpoint: closed loops at several concurrencies, then
 * an open loop at a fixed rate whose latency counts from each request's intended start (so a stall
 * is not hidden by coordinated omission). Prints one line per run.
 *
 * <p>Arguments: data directory, customers, products, rank, seconds per run, concurrencies (comma
 * separated), fixed rate per second.
 */
public final class ServingLoadBenchmark {
    private ServingLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/load/target/data");
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int products = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int rank = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        String[] concurrencies = (args.length > 5 ? args[5] : "8,32,128").split(",");
        int rate = args.length > 6 ? Integer.parseInt(args[6]) : 1000;

        long t0 = System.nanoTime();
        SyntheticServingData.build(dir, customers, products, rank, 42);
        System.out.printf(Locale.ROOT, "data ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, dir);

        long before = usedAfterGc();
        ServingConfig config = new ServingConfig(
                "127.0.0.1",
                0,
                null,
                dir.resolve("registry"),
                dir.resolve("warehouse"),
                null,
                null,
                0,
                300,
                10,
                100,
                1000,
                1,
                null,
                null);
        // Every user's top list, filled in the background after the load (threads: -DfillThreads).
        int fillThreads = Integer.getInteger("fillThreads", 2);
        config = config.withUserLists(new dev.affinity.serving.config.UserListConfig(true, 50, fillThreads));
        ServingMetrics metrics = new ServingMetrics();
        ModelRegistry registry = new ModelRegistry(config.registry());
        ModelManager manager = new ModelManager(config, registry, Warehouse.openExisting(config.warehouse()), metrics);
        long load0 = System.nanoTime();
        manager.reload();
        double loadSeconds = (System.nanoTime() - load0) / 1e9;
        long after = usedAfterGc();
        System.out.printf(
                Locale.ROOT,
                "models loaded in %.1f s; heap held by models, catalog and customers: %.0f MB (heap used after GC %.0f MB)%n",
                loadSeconds,
                (after - before) / 1e6,
                after / 1e6);
        dev.affinity.serving.models.ListFiller filler = manager.filler();
        if (filler != null) {
            while (!filler.await(10_000)) {
                System.out.printf(
                        Locale.ROOT, "lists: %d of %d users after %.0f s%n", filler.filled(), filler.users(), filler.seconds());
            }
            System.out.printf(
                    Locale.ROOT,
                    "lists of %d items filled for %d users in %.1f s by %d thread(s); heap used after GC %.0f MB%n",
                    filler.perUser(),
                    filler.filled(),
                    filler.seconds(),
                    fillThreads,
                    usedAfterGc() / 1e6);
        }
        try (ServingServer server =
                ServingApp.create(config, manager, registry, metrics).start()) {
            byte[] constant = "{\"status\":\"ok\",\"items\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Javalin trivial = Javalin.create(cfg -> {
                        cfg.startup.showJavalinBanner = false;
                        cfg.jetty.host = "127.0.0.1";
                        cfg.jetty.port = 0;
                        cfg.routes.get(
                                "/constant",
                                ctx -> ctx.contentType("application/json").result(constant));
                    })
                    .start();
            try {
                String personalization = "/v1/users/%s/personalization?k=10";
                run("warmup constant", trivial.port(), i -> "/constant", 32, 5);
                run("warmup personalization", server.port(), i -> personalization.formatted("c" + i), 32, 10);
                for (String c : concurrencies) {
                    int concurrency = Integer.parseInt(c.strip());
                    Result base = run("constant", trivial.port(), i -> "/constant", concurrency, seconds);
                    Result p = run(
                            "personalization",
                            server.port(),
                            i -> personalization.formatted("c" + i),
                            concurrency,
                            seconds);
                    System.out.printf(
                            Locale.ROOT,
                            "c=%d personalization/constant throughput = %.2f%n",
                            concurrency,
                            p.throughput / base.throughput);
                }
                // An email platform renders each email two or three times (HTML, text, AMP).
                Result base = run("constant", trivial.port(), i -> "/constant", 8, seconds);
                Result esp = run(
                        "personalization x3 per id",
                        server.port(),
                        i -> personalization.formatted("c" + i),
                        8,
                        seconds,
                        3);
                System.out.printf(
                        Locale.ROOT,
                        "c=8, each id asked 3 times: personalization/constant throughput = %.2f%n",
                        esp.throughput / base.throughput);
                fixedRate(server.port(), customers, personalization, rate, 8, seconds * 2);
                fixedRate(trivial.port(), customers, "/constant", rate, 8, seconds * 2);
                System.out.printf(
                        Locale.ROOT,
                        "heap used after GC at the end (user lists filled): %.0f MB%n",
                        usedAfterGc() / 1e6);
            } finally {
                trivial.stop();
            }
        }
    }

    interface Paths {
        String path(int customer);
    }

    record Result(double throughput, Histogram latency) {}

    static Result run(String name, int port, Paths paths, int concurrency, int seconds) throws Exception {
        return run(name, port, paths, concurrency, seconds, 1);
    }

    /** As above, each connection asking for the same customer {@code repeat} times in a row. */
    static Result run(String name, int port, Paths paths, int concurrency, int seconds, int repeat)
            throws Exception {
        Histogram total = new Histogram(60_000_000_000L, 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        int customers = Integer.getInteger("customers", 1_000_000);
        for (int t = 0; t < concurrency; t++) {
            Histogram h = new Histogram(60_000_000_000L, 3);
            histograms.add(h);
            long seed = 1000 + t;
            threads.add(started(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try (LoadClient client = new LoadClient("127.0.0.1", port)) {
                    int customer = 0;
                    for (long n = 0; System.nanoTime() < end; n++) {
                        if (n % repeat == 0) {
                            customer = random.nextInt(customers);
                        }
                        String path = paths.path(customer);
                        long s = System.nanoTime();
                        int status = client.get(path);
                        h.recordValue(System.nanoTime() - s);
                        requests.incrementAndGet();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        histograms.forEach(total::add);
        double throughput = requests.get() / (double) seconds;
        System.out.printf(
                Locale.ROOT,
                "%-24s c=%-4d %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  errors %d%n",
                name,
                concurrency,
                throughput,
                total.getValueAtPercentile(50) / 1e6,
                total.getValueAtPercentile(99) / 1e6,
                total.getValueAtPercentile(99.9) / 1e6,
                errors.get());
        return new Result(throughput, total);
    }

    /** An open loop: {@code rate} requests per second over {@code connections}, latency from the intended start. */
    static void fixedRate(int port, int customers, String template, int rate, int connections, int seconds)
            throws Exception {
        Histogram total = new Histogram(60_000_000_000L, 3);
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long interval = 1_000_000_000L * connections / rate;
        long start = System.nanoTime() + 100_000_000L;
        long count = (long) rate * seconds / connections;
        for (int t = 0; t < connections; t++) {
            Histogram h = new Histogram(60_000_000_000L, 3);
            histograms.add(h);
            long offset = interval * t / connections;
            long seed = 5000 + t;
            threads.add(started(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try (LoadClient client = new LoadClient("127.0.0.1", port)) {
                    for (long i = 0; i < count; i++) {
                        long intended = start + offset + i * interval;
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        String path = template.contains("%s")
                                ? template.formatted("c" + random.nextInt(customers))
                                : template;
                        if (client.get(path) != 200) {
                            errors.incrementAndGet();
                        }
                        h.recordValue(System.nanoTime() - intended);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        histograms.forEach(total::add);
        System.out.printf(
                Locale.ROOT,
                "fixed %d req/s %-32s p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms  errors %d%n",
                rate,
                template,
                total.getValueAtPercentile(50) / 1e6,
                total.getValueAtPercentile(99) / 1e6,
                total.getValueAtPercentile(99.9) / 1e6,
                total.getMaxValue() / 1e6,
                errors.get());
    }

    static Thread started(Runnable body) {
        Thread t = new Thread(body, "load");
        t.start();
        return t;
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
