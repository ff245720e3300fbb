package dev.affinity.training.recommend;

import dev.affinity.features.warehouse.Warehouse;
import java.time.LocalDate;

/**
 * The warehouse and cutoff a training run reads, for trainers that need more than the interaction
 * matrix (product texts, recent sales).
 *
 * @param warehouse the warehouse
 * @param asOf the cutoff: nothing at or after its midnight is read
 */
public record WarehouseContext(Warehouse warehouse, LocalDate asOf) {}
