package dev.affinity.training.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.ItemCatalog;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.training.als.Csr;
import dev.affinity.training.item2vec.Item2VecParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted sequences: 40 items in 10 groups; group {@code g} holds a product in two variants, {@code
 * g} and {@code g + 10} (substitutes: a user buys one or the other, never both), and two companions
 * {@code g + 20} and {@code g + 30}. Each of 600 users buys from three random groups, one group after
 * another, three items per group (one variant and both companions) in random order. Skip-gram makes
 * items alike when they share contexts, so each variant's nearest neighbour is the other variant
 * (both are seen with exactly the same companions), and a companion's nearest are its group. Group
 * members are 10 apart in item id.
 */
class Item2VecTrainerTest {
    static final int ITEMS = 40;
    static final int USERS = 600;
    static final int PER_USER = 9;
    static final Item2VecParameters PARAMETERS = new Item2VecParameters(16, 2, 5, 20, 1, 0.025, 7, 1, 1);

    static TrainingData data;
    static FactorModel model;

    @BeforeAll
    static void train() {
        data = planted(11);
        model = (FactorModel) new Item2VecTrainer(PARAMETERS).train(data);
    }

    /** The other variant of variant {@code item} (0..19). */
    static int otherVariant(int item) {
        return (item + 10) % 20;
    }

    static String id(int item) {
        return String.format("p%02d", item);
    }

    /** The planted data: times are positions in each user's sequence. */
    static TrainingData planted(long seed) {
        Random random = new Random(seed);
        List<String> users = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(id(i));
        }
        int[] indptr = new int[USERS + 1];
        int[] indices = new int[USERS * PER_USER];
        long[] times = new long[USERS * PER_USER];
        for (int u = 0; u < USERS; u++) {
            users.add(String.format("u%03d", u));
            List<Integer> groups = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            java.util.Collections.shuffle(groups, random);
            long[] timeOf = new long[ITEMS];
            Arrays.fill(timeOf, -1);
            long t = 0;
            for (int p = 0; p < 3; p++) {
                int g = groups.get(p);
                List<Integer> basket = new ArrayList<>(List.of(random.nextBoolean() ? g : g + 10, g + 20, g + 30));
                java.util.Collections.shuffle(basket, random);
                for (int item : basket) {
                    timeOf[item] = t++;
                }
            }
            int e = u * PER_USER;
            for (int i = 0; i < ITEMS; i++) { // a row lists items ascending by position
                if (timeOf[i] >= 0) {
                    indices[e] = i;
                    times[e++] = timeOf[i] * 1000;
                }
            }
            indptr[u + 1] = e;
        }
        float[] ones = new float[indices.length];
        Arrays.fill(ones, 1f);
        return new TrainingData(
                new IdIndex(users), new IdIndex(items), new Csr(USERS, ITEMS, indptr, indices, ones), times);
    }

    static Recommender bind(RecommenderModel m) {
        List<CatalogItem> catalog = new ArrayList<>();
        for (String id : m.items().ids()) {
            catalog.add(new CatalogItem(id, id, null, Double.NaN, true, true));
        }
        return ItemCatalog.of(catalog).bind(m, ColdStartPolicy.EMPTY);
    }

    @Test
    void eachVariantsNearestNeighbourIsTheOtherVariant() {
        Recommender r = bind(model);
        for (int i = 0; i < 20; i++) {
            assertThat(r.similarItems(id(i), 1, ItemFilter.NONE).itemIds())
                    .as("nearest to %s", id(i))
                    .containsExactly(id(otherVariant(i)));
        }
    }

    @Test
    void aCompanionsNearestNeighbourIsInItsGroup() {
        Recommender r = bind(model);
        for (int i = 20; i < ITEMS; i++) {
            int g = i % 10;
            assertThat(r.similarItems(id(i), 1, ItemFilter.NONE).itemIds())
                    .as("nearest to %s", id(i))
                    .containsAnyOf(id(g), id(g + 10), id(g + 20), id(g + 30));
        }
    }

    @Test
    void itemVectorsHaveUnitLengthSoDotProductsAreCosines() {
        float[] v = model.itemFactors().data();
        int d = model.rank();
        for (int i = 0; i < ITEMS; i++) {
            double sum = 0;
            for (int c = 0; c < d; c++) {
                sum += v[i * d + c] * v[i * d + c];
            }
            assertThat(Math.sqrt(sum))
                    .as("norm of item %d", i)
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void oneWorkerAndASeedGiveTheSameVectorsEveryRun() {
        FactorModel again = (FactorModel) new Item2VecTrainer(PARAMETERS).train(data);
        assertThat(again.itemFactors().data())
                .containsExactly(model.itemFactors().data());
        FactorModel otherSeed =
                (FactorModel) new Item2VecTrainer(new Item2VecParameters(16, 2, 5, 20, 1, 0.025, 8, 1, 1)).train(data);
        assertThat(otherSeed.itemFactors().data())
                .isNotEqualTo(model.itemFactors().data());
    }

    @Test
    void aSessionOfAUsersItemsScoresLikeTheUser() {
        // u000 bought nine items; the rest is ranked by the recency-weighted mean of their vectors.
        // A session holding the same items (most recent first) weighs them 1, 1/2, 1/4, ... as the
        // half-life of 1 does for the user, so both rank alike.
        Recommender r = bind(model);
        int from = data.interactions().indptr()[0];
        int to = data.interactions().indptr()[1];
        Integer[] entries = new Integer[to - from];
        for (int e = from; e < to; e++) {
            entries[e - from] = e;
        }
        Arrays.sort(entries, (a, b) -> Long.compare(data.lastAtMillis()[b], data.lastAtMillis()[a]));
        List<String> recentFirst = Arrays.stream(entries)
                .map(e -> id(data.interactions().indices()[e]))
                .toList();
        var user = r.recommend("u000", 5, ItemFilter.NONE.excludingPurchased());
        var session = r.forSession(recentFirst, 5, ItemFilter.NONE.excludingPurchased());
        assertThat(user.itemIds()).hasSize(5).doesNotContainAnyElementsOf(recentFirst);
        assertThat(session.itemIds()).isEqualTo(user.itemIds());
        for (int j = 0; j < 5; j++) {
            assertThat(session.items().get(j).score())
                    .isCloseTo(user.items().get(j).score(), org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void theExportedModelRoundTripsThroughTheRegistry(@TempDir Path dir) {
        Item2VecTrainer trainer = new Item2VecTrainer(PARAMETERS);
        RecommenderModel trained = trainer.train(data);
        var version = new RecommenderPublisher(new ModelRegistry(dir))
                .publish(trainer, trained, data, null, "fixture", null, 7, true);
        assertThat(version.name()).isEqualTo("recommender-item2vec");
        var artifact = new ModelRegistry(dir).openCurrent("recommender-item2vec");
        assertThat(artifact.manifest().hyperparameters().get("halfLife").asDouble())
                .isEqualTo(1.0);
        assertThat(artifact.manifest().hyperparameters().get("itemsWithVectors").asInt())
                .isEqualTo(ITEMS);
        FactorModel loaded = (FactorModel) RecommenderModel.readFrom(artifact);
        FactorModel original = (FactorModel) trained;
        assertThat(loaded.itemFactors().data())
                .containsExactly(original.itemFactors().data());
        assertThat(loaded.userFactors().data())
                .containsExactly(original.userFactors().data());
        assertThat(bind(loaded).recommend("u007", 10, ItemFilter.NONE.excludingPurchased()))
                .isEqualTo(bind(original).recommend("u007", 10, ItemFilter.NONE.excludingPurchased()));
    }

    @Test
    void hyperparametersAreValidatedByName() {
        assertThatThrownBy(() -> new Item2VecParameters(0, 5, 5, 10, 1, 0.025, 1, 5, 1))
                .hasMessage("dimensions must be >= 1, got 0");
        assertThatThrownBy(() -> new Item2VecParameters(8, 5, 5, 10, 1, 0.025, 1, 0, 1))
                .hasMessageContaining("halfLife");
        assertThatThrownBy(() -> new Item2VecParameters(8, 5, 5, 10, 1, 0, 1, 5, 1))
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new Item2VecParameters(8, 0, 5, 10, 1, 0.025, 1, 5, 1))
                .hasMessage("window must be >= 1, got 0");
    }
}
