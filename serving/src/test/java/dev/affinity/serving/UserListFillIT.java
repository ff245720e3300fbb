package dev.affinity.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.config.UserListConfig;
import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ListFiller;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.serving.models.ProductFacts;
import dev.affinity.serving.models.ServingModels;
import dev.affinity.serving.testing.Fixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user's top list filled in the background after a load: the server is ready before the
 * lists are, answers from filled lists equal a plain scan's, and a reload stops the old filler.
 */
class UserListFillIT {
    private static final int USERS = 50_000;
    private static final int ITEMS = 20_000; // a fill of seconds, so the reload always lands mid-fill
    private static final int RANK = 32;

    @TempDir
    Path dir;

    @Test
    void listsFillAfterReadinessGiveTheScansAnswersAndAReloadStopsTheOldFiller() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        FactorModel v1 = model(1);
        Fixture.publish(registry, "recommender-als", v1);
        ServingConfig config = new ServingConfig(
                        null, 0, null, dir.resolve("registry"), null, null, null, 0, 300, 10, 100, 1000, 1, null, null)
                .withUserLists(new UserListConfig(true, 20, 1));
        ServingMetrics metrics = new ServingMetrics();
        try (ModelManager manager = new ModelManager(config, registry, null, metrics)) {
            manager.reload();
            // Ready at once: the lists are filled afterwards.
            ListFiller first = manager.filler();
            assertThat(manager.ready()).isTrue();
            assertThat(first).isNotNull();
            assertThat(first.users()).isEqualTo(USERS);
            assertThat(first.perUser()).isEqualTo(20);
            assertThat(first.filled()).isLessThan(USERS);
            assertThat(first.running()).isTrue();
            // Requests are answered (and exact) while filling.
            Recommender serving = manager.current().recommender().recommender();
            Recommender plain = plain(v1);
            SplittableRandom random = new SplittableRandom(5);
            for (int j = 0; j < 50; j++) {
                String user = v1.users().id(random.nextInt(USERS));
                assertThat(serving.recommend(user, 10, ItemFilter.NONE.excludingPurchased()))
                        .isEqualTo(plain.recommend(user, 10, ItemFilter.NONE.excludingPurchased()));
            }

            // A new version: the old filler stops, a new one starts for the new model.
            FactorModel v2 = model(2);
            Fixture.publish(registry, "recommender-als", v2);
            manager.reload();
            ListFiller second = manager.filler();
            assertThat(second).isNotSameAs(first);
            assertThat(first.stopped()).isTrue();
            assertThat(first.await(30_000)).isTrue();
            long firstFilled = first.filled();
            assertThat(firstFilled).isLessThan(USERS);
            assertThat(second.await(300_000)).isTrue();
            assertThat(first.filled()).isEqualTo(firstFilled);
            assertThat(second.filled()).isEqualTo(USERS);
            assertThat(second.failure()).isNull();
            assertThat(metrics.scrape())
                    .contains("affinity_user_lists_filled " + (double) USERS)
                    .contains("affinity_user_lists_users " + (double) USERS);

            // Every answer from a filled list is the plain scan's, under many filters.
            ServingModels set = manager.current();
            serving = set.recommender().recommender();
            plain = plain(v2);
            for (int j = 0; j < 400; j++) {
                String user = v2.users().id(random.nextInt(USERS));
                ItemFilter filter = filter(random, v2);
                int k = 1 + random.nextInt(j % 10 == 0 ? 40 : 15);
                assertThat(serving.recommend(user, k, filter))
                        .as("user %s k %d filter %s", user, k, filter)
                        .isEqualTo(plain.recommend(user, k, filter));
            }
        }
    }

    @Test
    void withFillOffOnlyRecentUsersAreCachedAndNothingFills() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Fixture.publish(registry, "recommender-als", Fixture.factorModel(1f));
        ServingConfig config = new ServingConfig(
                        null, 0, null, dir.resolve("registry"), null, null, null, 0, 300, 10, 100, 1000, 1, null, null)
                .withUserLists(new UserListConfig(false, null, null));
        try (ModelManager manager = new ModelManager(config, registry, null, new ServingMetrics())) {
            manager.reload();
            assertThat(manager.ready()).isTrue();
            assertThat(manager.filler()).isNull();
            assertThat(manager.current().recommender().recommender().userLists())
                    .isEmpty();
        }
    }

    private static Recommender plain(FactorModel model) {
        return ProductFacts.idsOnly(model.items().ids()).catalog().bind(model, ColdStartPolicy.POPULAR);
    }

    private static ItemFilter filter(SplittableRandom random, FactorModel model) {
        ItemFilter filter = ItemFilter.NONE;
        if (random.nextBoolean()) {
            filter = filter.excludingPurchased();
        }
        int excluded = random.nextInt(4) == 0 ? 30 : random.nextInt(3);
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < excluded; j++) {
            ids.add(model.items().id(random.nextInt(ITEMS)));
        }
        return ids.isEmpty() ? filter : filter.excluding(ids.toArray(String[]::new));
    }

    /** A seeded Gaussian model with three training items per user. */
    private static FactorModel model(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add("c" + u);
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add("p" + i);
        }
        float[] userData = gaussian(random, USERS * RANK);
        float[] itemData = gaussian(random, ITEMS * RANK);
        int[] indptr = new int[USERS + 1];
        int[] indices = new int[USERS * 3];
        float[] values = new float[USERS * 3];
        for (int u = 0; u < USERS; u++) {
            indptr[u + 1] = 3 * (u + 1);
            int a = random.nextInt(ITEMS - 2);
            indices[3 * u] = a;
            indices[3 * u + 1] = a + 1;
            indices[3 * u + 2] = a + 2;
            values[3 * u] = values[3 * u + 1] = values[3 * u + 2] = 1;
        }
        float[] popularity = new float[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            popularity[i] = ITEMS - i;
        }
        return new FactorModel(
                new IdIndex(users),
                new IdIndex(items),
                new FloatMatrix(USERS, RANK, userData),
                new FloatMatrix(ITEMS, RANK, itemData),
                new SparseRows(USERS, indptr, indices, values),
                popularity);
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = (float) (random.nextGaussian());
        }
        return out;
    }
}
