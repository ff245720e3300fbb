package dev.affinity.training.knn;

import dev.affinity.models.artifact.SparseRows;
import dev.affinity.training.als.Csr;
import java.util.Arrays;

/**
 * Computes item-item cosine similarities with shrinkage from rows of interactions (users' histories
 * and, appended as further rows, anonymous baskets) and keeps each item's top neighbours. Cost is
 * the sum over rows of their length squared; memory one dense accumulator of items floats.
 */
public final class ItemKnn {
    private final ItemKnnParameters parameters;

    /** Item-kNN with these hyperparameters. */
    public ItemKnn(ItemKnnParameters parameters) {
        this.parameters = parameters;
    }

    /** The neighbour lists of the {@code rows.cols()} items. Ties keep the lower item position first. */
    public SparseRows fit(Csr rows) {
        Csr byItem = rows.transpose();
        int items = rows.cols();
        double[] norms = new double[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int e = byItem.indptr()[i]; e < byItem.indptr()[i + 1]; e++) {
                double w = weight(byItem.values()[e]);
                s += w * w;
            }
            norms[i] = Math.sqrt(s);
        }
        float[] co = new float[items];
        int[] touched = new int[items];
        int keep = Math.min(parameters.neighbors(), Math.max(items - 1, 0));
        int[] indptr = new int[items + 1];
        int[] indices = new int[items * keep];
        float[] values = new float[items * keep];
        int[] heapItem = new int[keep];
        float[] heapSim = new float[keep];
        int nnz = 0;
        for (int i = 0; i < items; i++) {
            int touchedCount = 0;
            for (int e = byItem.indptr()[i]; e < byItem.indptr()[i + 1]; e++) {
                int row = byItem.indices()[e];
                float wi = (float) weight(byItem.values()[e]);
                for (int f = rows.indptr()[row]; f < rows.indptr()[row + 1]; f++) {
                    int j = rows.indices()[f];
                    if (j == i) {
                        continue;
                    }
                    if (co[j] == 0) {
                        touched[touchedCount++] = j;
                    }
                    co[j] += wi * (float) weight(rows.values()[f]);
                }
            }
            int size = 0;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                float sim = (float) (co[j] / (norms[i] * norms[j] + parameters.shrinkage()));
                co[j] = 0;
                if (sim <= 0 || keep == 0) {
                    continue;
                }
                if (size < keep) {
                    heapItem[size] = j;
                    heapSim[size] = sim;
                    siftUp(heapItem, heapSim, size++);
                } else if (better(sim, j, heapSim[0], heapItem[0])) {
                    heapItem[0] = j;
                    heapSim[0] = sim;
                    siftDown(heapItem, heapSim, size);
                }
            }
            // Pop the min-heap from the back so the row ends up strongest first.
            for (int n = size; n > 0; n--) {
                indices[nnz + n - 1] = heapItem[0];
                values[nnz + n - 1] = heapSim[0];
                heapItem[0] = heapItem[n - 1];
                heapSim[0] = heapSim[n - 1];
                siftDown(heapItem, heapSim, n - 1);
            }
            nnz += size;
            indptr[i + 1] = nnz;
        }
        return new SparseRows(items, indptr, Arrays.copyOf(indices, nnz), Arrays.copyOf(values, nnz));
    }

    private double weight(float value) {
        return parameters.binary() ? 1 : value;
    }

    /** Whether (simA, itemA) ranks above (simB, itemB): higher similarity, then lower position. */
    private static boolean better(float simA, int itemA, float simB, int itemB) {
        return simA > simB || (simA == simB && itemA < itemB);
    }

    private static void siftUp(int[] item, float[] sim, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!better(sim[parent], item[parent], sim[at], item[at])) {
                return;
            }
            swap(item, sim, at, parent);
            at = parent;
        }
    }

    private static void siftDown(int[] item, float[] sim, int size) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(sim[worst], item[worst], sim[right], item[right])) {
                worst = right;
            }
            if (!better(sim[at], item[at], sim[worst], item[worst])) {
                return;
            }
            swap(item, sim, at, worst);
            at = worst;
        }
    }

    private static void swap(int[] item, float[] sim, int a, int b) {
        int ti = item[a];
        item[a] = item[b];
        item[b] = ti;
        float ts = sim[a];
        sim[a] = sim[b];
        sim[b] = ts;
    }
}
