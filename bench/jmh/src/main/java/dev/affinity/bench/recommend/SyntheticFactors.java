package dev.affinity.bench.recommend;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.FactorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random factor models and catalogs of a given size, reproducible from a seed. */
final class SyntheticFactors {
    static final int CATEGORIES = 20;

    private SyntheticFactors() {}

    /**
     * A model of {@code users} x {@code items} with {@code rank} factors uniform in [-1, 1), each
     * user with {@code itemsPerUser} distinct random training items, and popularity uniform in [0,
     * 1000).
     */
    static FactorModel model(int users, int items, int rank, int itemsPerUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] userData = new float[Math.multiplyExact(users, rank)];
        float[] itemData = new float[Math.multiplyExact(items, rank)];
        fill(userData, random);
        fill(itemData, random);
        int[] indptr = new int[users + 1];
        int[] indices = new int[Math.multiplyExact(users, itemsPerUser)];
        float[] values = new float[indices.length];
        for (int u = 0; u < users; u++) {
            indptr[u + 1] = indptr[u] + itemsPerUser;
            for (int j = 0; j < itemsPerUser; j++) {
                // Stride from a random start keeps the items distinct without a set.
                indices[indptr[u] + j] = (int) ((random.nextInt(items) + (long) j * (items / itemsPerUser)) % items);
                values[indptr[u] + j] = 1f;
            }
        }
        float[] popularity = new float[items];
        for (int i = 0; i < items; i++) {
            popularity[i] = random.nextInt(1000);
        }
        return new FactorModel(
                ids("u", users),
                ids("i", items),
                new FloatMatrix(users, rank, userData),
                new FloatMatrix(items, rank, itemData),
                new SparseRows(users, indptr, indices, values),
                popularity);
    }

    /**
     * A catalog of every item: category {@code c0..c19}, price uniform in [1, 100), 90% in stock,
     * 99% merchandise.
     */
    static List<CatalogItem> catalog(IdIndex items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CatalogItem> catalog = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            catalog.add(new CatalogItem(
                    items.id(i),
                    "Product " + i,
                    "c" + random.nextInt(CATEGORIES),
                    1 + random.nextInt(9900) / 100.0,
                    random.nextInt(10) != 0,
                    random.nextInt(100) != 0));
        }
        return catalog;
    }

    private static IdIndex ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return new IdIndex(ids);
    }

    private static void fill(float[] data, SplittableRandom random) {
        for (int j = 0; j < data.length; j++) {
            data[j] = (float) (random.nextDouble() * 2 - 1);
        }
    }
}
