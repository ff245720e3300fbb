package dev.affinity.models.recommend;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-made models small enough to rank by hand; the expected rankings are worked out in the tests
 * that use them.
 */
final class Fixtures {
    private Fixtures() {}

    /**
     * 7 users x 9 items, 2 factors. Item vectors were chosen with whole-number norms so that cosines
     * are exact ratios:
     *
     * <pre>
     * item  vector  norm  catalog
     * A     (3,4)   5     kitchen, 10.00, in stock
     * B     (4,3)   5     kitchen, 25.00, in stock
     * C     (0,2)   2     garden,   5.00, in stock
     * D     (2,0)   2     garden,   price unknown, in stock
     * E     (6,8)   10    kitchen, 40.00, OUT of stock
     * F     (1,0)   1     toys,     8.00, in stock
     * G     (0,1)   1     (missing from the catalog)
     * H     (4,3)   5     garden,  15.00, in stock   (same vector as B)
     * I     (5,0)   5     postage, not merchandise
     *
     * user  vector  training items
     * u0    (1,1)   A, C
     * u1    (2,0)   B, D
     * u2    (0,1)   C
     * u3    (1,2)   A, E
     * u4    (2,1)   B
     * u5    (0,3)   G
     * u6    (1,0)   F, I
     * </pre>
     *
     * Popularity is the number of buyers: A 2, B 2, C 2, D 1, E 1, F 1, G 1, H 0, I 1.
     */
    static FactorModel factorModel() {
        IdIndex users = new IdIndex(List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6"));
        IdIndex items = new IdIndex(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I"));
        FloatMatrix userFactors = new FloatMatrix(7, 2, new float[] {1, 1, 2, 0, 0, 1, 1, 2, 2, 1, 0, 3, 1, 0});
        FloatMatrix itemFactors =
                new FloatMatrix(9, 2, new float[] {3, 4, 4, 3, 0, 2, 2, 0, 6, 8, 1, 0, 0, 1, 4, 3, 5, 0});
        SparseRows userItems = rows(new int[][] {{0, 2}, {1, 3}, {2}, {0, 4}, {1}, {6}, {5, 8}});
        float[] popularity = {2, 2, 2, 1, 1, 1, 1, 0, 1};
        return new FactorModel(users, items, userFactors, itemFactors, userItems, popularity);
    }

    static ItemCatalog factorCatalog() {
        return ItemCatalog.of(List.of(
                item("A", "kitchen", 10.0, true),
                item("B", "kitchen", 25.0, true),
                item("C", "garden", 5.0, true),
                item("D", "garden", Double.NaN, true),
                item("E", "kitchen", 40.0, false),
                item("F", "toys", 8.0, true),
                item("H", "garden", 15.0, true),
                new CatalogItem("I", "Postage", "postage", 0.0, true, false),
                item("Z", "toys", 1.0, true))); // in the catalog, not in the model: ignored
    }

    /**
     * 6 items a..f, 4 users. Neighbour rows, weight(h -> i):
     *
     * <pre>
     * a: b 3, c 1
     * b: a 3, d 2
     * c: a 1, e 4, f 9
     * d: b 2, e 1
     * e: c 4, d 1
     * f: a 5
     *
     * user  items        catalog
     * x     a, b         a kitchen 10 in stock    b kitchen 20 in stock
     * y     c            c garden 5 in stock      d garden 30 in stock
     * z     (none)       e garden 8 OUT of stock  f missing from the catalog
     * w     e
     * </pre>
     *
     * Popularity: a 3, b 2, c 2, d 1, e 1, f 5.
     */
    static NeighborModel neighborModel() {
        IdIndex users = new IdIndex(List.of("x", "y", "z", "w"));
        IdIndex items = new IdIndex(List.of("a", "b", "c", "d", "e", "f"));
        SparseRows neighbors = new SparseRows(
                6, new int[] {0, 2, 4, 7, 9, 11, 12}, new int[] {1, 2, 0, 3, 0, 4, 5, 1, 4, 2, 3, 0}, new float[] {
                    3, 1, 3, 2, 1, 4, 9, 2, 1, 4, 1, 5
                });
        SparseRows userItems = rows(new int[][] {{0, 1}, {2}, {}, {4}});
        float[] popularity = {3, 2, 2, 1, 1, 5};
        return new NeighborModel(users, items, neighbors, userItems, popularity);
    }

    static ItemCatalog neighborCatalog() {
        return ItemCatalog.of(List.of(
                item("a", "kitchen", 10.0, true),
                item("b", "kitchen", 20.0, true),
                item("c", "garden", 5.0, true),
                item("d", "garden", 30.0, true),
                item("e", "garden", 8.0, false)));
    }

    /**
     * 8 items:
     *
     * <pre>
     * pos item   popularity  catalog
     * 0   mug    50          kitchen 2.99 in stock
     * 1   plate  80          kitchen 9.50 in stock
     * 2   spade  80          garden 15.00 in stock
     * 3   rake   30          garden, price unknown, in stock
     * 4   ball   70          toys 3.00 OUT of stock
     * 5   POST   500         no category, not merchandise
     * 6   kite   90          missing from the catalog
     * 7   bowl   10          kitchen 4.00 in stock
     * </pre>
     */
    static PopularityModel popularityModel() {
        IdIndex items = new IdIndex(List.of("mug", "plate", "spade", "rake", "ball", "POST", "kite", "bowl"));
        return new PopularityModel(items, new float[] {50, 80, 80, 30, 70, 500, 90, 10});
    }

    static ItemCatalog popularityCatalog() {
        return ItemCatalog.of(List.of(
                item("mug", "kitchen", 2.99, true),
                item("plate", "kitchen", 9.5, true),
                item("spade", "garden", 15.0, true),
                item("rake", "garden", Double.NaN, true),
                item("ball", "toys", 3.0, false),
                new CatalogItem("POST", "Postage", null, 0.0, true, false),
                item("bowl", "kitchen", 4.0, true)));
    }

    /** Sparse rows with weight 1 for every listed column. */
    static SparseRows rows(int[][] columns) {
        int[] indptr = new int[columns.length + 1];
        for (int r = 0; r < columns.length; r++) {
            indptr[r + 1] = indptr[r] + columns[r].length;
        }
        int[] indices = new int[indptr[columns.length]];
        float[] values = new float[indices.length];
        for (int r = 0; r < columns.length; r++) {
            System.arraycopy(columns[r], 0, indices, indptr[r], columns[r].length);
        }
        Arrays.fill(values, 1f);
        return new SparseRows(columns.length, indptr, indices, values);
    }

    static CatalogItem item(String id, String category, double price, boolean inStock) {
        return new CatalogItem(id, "Title of " + id, category, price, inStock, true);
    }

    static ScoredItem scored(String id, float score, String because) {
        return new ScoredItem(id, score, because);
    }
}
