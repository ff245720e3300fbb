package dev.affinity.training.recommend;

import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.models.recommend.NeighborModel;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.content.ItemText;
import dev.affinity.training.content.TfIdfSimilarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content-based recommendations: item-item TF-IDF similarity of titles, descriptions and categories
 * over the whole catalog, as a {@link NeighborModel}. The model knows every catalog product, sold or
 * not, so a new product can be recommended ("because you bought" a similar one) and given similar
 * items before anyone buys it.
 */
public final class ContentTrainer implements RecommenderTrainer {
    private final Map<String, ItemText> catalog;
    private final int neighbors;

    /**
     * @param catalog the text of every product, by id
     * @param neighbors similar items kept per item
     */
    public ContentTrainer(Map<String, ItemText> catalog, int neighbors) {
        this.catalog = new TreeMap<>(catalog);
        this.neighbors = neighbors;
    }

    /** The merchandise products of {@code warehouse} with their title, description and category. */
    public static Map<String, ItemText> catalogOf(Warehouse warehouse) {
        Map<String, ItemText> texts = new TreeMap<>();
        var p = Tables.PRODUCTS;
        int id = p.indexOf("product_id");
        int title = p.indexOf("title");
        int description = p.indexOf("description");
        int category = p.indexOf("category");
        int merchandise = p.indexOf("is_merchandise");
        warehouse.forEachRow(p, row -> {
            if (Boolean.TRUE.equals(row[merchandise])) {
                texts.put((String) row[id], new ItemText((String) row[title], (String) row[description], (String)
                        row[category]));
            }
        });
        return texts;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of(
                "neighbors", neighbors, "weighting", "tf-idf, title x2, category token", "products", catalog.size());
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        TreeMap<String, ItemText> all = new TreeMap<>(catalog);
        data.items().ids().forEach(i -> all.putIfAbsent(i, new ItemText(null, null, null)));
        IdIndex items = new IdIndex(new ArrayList<>(all.keySet()));
        SparseRows n = new TfIdfSimilarity(neighbors).fit(new ArrayList<>(all.values()));
        int[] remap = new int[data.items().size()];
        for (int i = 0; i < remap.length; i++) {
            remap[i] = items.indexOf(data.items().id(i));
        }
        var rows = data.interactions();
        int[] indices = new int[rows.nnz()];
        float[] values = new float[rows.nnz()];
        for (int u = 0; u < rows.rows(); u++) {
            int from = rows.indptr()[u];
            int to = rows.indptr()[u + 1];
            long[] packed = new long[to - from];
            for (int e = from; e < to; e++) {
                packed[e - from] = ((long) remap[rows.indices()[e]] << 32) | e;
            }
            Arrays.sort(packed); // remapping keeps ids in order, but sort to be safe about the contract
            for (int e = 0; e < packed.length; e++) {
                indices[from + e] = (int) (packed[e] >>> 32);
                values[from + e] = rows.values()[(int) packed[e]];
            }
        }
        float[] oldPopularity = data.popularity();
        float[] popularity = new float[items.size()];
        for (int i = 0; i < remap.length; i++) {
            popularity[remap[i]] = oldPopularity[i];
        }
        return new NeighborModel(
                data.users(), items, n, new SparseRows(rows.rows(), rows.indptr(), indices, values), popularity);
    }
}
