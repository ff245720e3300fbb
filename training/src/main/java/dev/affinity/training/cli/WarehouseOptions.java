package dev.affinity.training.cli;

import dev.affinity.features.warehouse.Warehouse;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every warehouse command shares: where the warehouse is, and JSON output. */
final class WarehouseOptions {
    @Option(
            names = "--warehouse",
            paramLabel = "DIR",
            description = "Warehouse directory (default: $AFFINITY_HOME/warehouse, or ./var/warehouse).")
    Path warehouse;

    @Option(names = "--json", description = "Print a machine-readable JSON summary on stdout.")
    boolean json;

    Path warehouseDir() {
        return warehouse != null
                ? warehouse
                : AffinityHome.from(System.getenv()).warehouse();
    }

    /** The warehouse, created when missing: for commands that load data. */
    Warehouse open() {
        return Warehouse.open(warehouseDir());
    }

    /** The warehouse, which must exist: for commands that only read it. */
    Warehouse openExisting() {
        return Warehouse.openExisting(warehouseDir());
    }
}
