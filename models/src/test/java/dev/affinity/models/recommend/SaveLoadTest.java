package dev.affinity.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model type: save, load, and the loaded model answers exactly as the original. */
class SaveLoadTest {
    private static final List<ItemFilter> FILTERS = List.of(
            ItemFilter.NONE,
            ItemFilter.NONE.excludingPurchased(),
            ItemFilter.NONE.inStock().priceBetween(3, 30),
            ItemFilter.NONE.inCategory("garden"));

    @TempDir
    Path dir;

    @Test
    void factorModel() {
        FactorModel model = Fixtures.factorModel();
        write(model, model.type().name().toLowerCase());
        FactorModel loaded = FactorModel.readFrom(ModelArtifact.open(dir));

        ItemCatalog catalog = Fixtures.factorCatalog();
        assertSameAnswers(
                catalog.bind(model, ColdStartPolicy.POPULAR),
                catalog.bind(loaded, ColdStartPolicy.POPULAR),
                List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6", "nobody"),
                model.items().ids());
    }

    @Test
    void neighborModel() {
        NeighborModel model = Fixtures.neighborModel();
        write(model, "neighbors");
        RecommenderModel loaded = RecommenderModel.readFrom(ModelArtifact.open(dir));

        assertThat(loaded).isInstanceOf(NeighborModel.class);
        ItemCatalog catalog = Fixtures.neighborCatalog();
        assertSameAnswers(
                catalog.bind(model, ColdStartPolicy.POPULAR),
                catalog.bind(loaded, ColdStartPolicy.POPULAR),
                List.of("x", "y", "z", "w", "nobody"),
                model.items().ids());
    }

    @Test
    void popularityModel() {
        PopularityModel model = Fixtures.popularityModel();
        write(model, "popularity");
        PopularityModel loaded = PopularityModel.readFrom(ModelArtifact.open(dir));

        assertThat(loaded.popularity()).containsExactly(model.popularity());
        ItemCatalog catalog = Fixtures.popularityCatalog();
        assertSameAnswers(
                catalog.bind(model, ColdStartPolicy.POPULAR),
                catalog.bind(loaded, ColdStartPolicy.POPULAR),
                List.of("anyone"),
                model.items().ids());
    }

    private void write(RecommenderModel model, String name) {
        ArtifactWriter writer = ArtifactWriter.create(dir);
        if (model instanceof FactorModel f) {
            f.writeTo(writer);
        } else if (model instanceof NeighborModel n) {
            n.writeTo(writer);
        } else {
            ((PopularityModel) model).writeTo(writer);
        }
        writer.finish(name, model.type(), null, null, null, Provenance.here("fixture", "none", null, 1L));
    }

    private static void assertSameAnswers(
            Recommender original, Recommender loaded, List<String> users, List<String> items) {
        List<Recommendations> expected = new ArrayList<>();
        List<Recommendations> actual = new ArrayList<>();
        for (ItemFilter filter : FILTERS) {
            for (String user : users) {
                expected.add(original.recommend(user, 10, filter));
                actual.add(loaded.recommend(user, 10, filter));
            }
            for (String item : items) {
                expected.add(original.similarItems(item, 10, filter));
                actual.add(loaded.similarItems(item, 10, filter));
                List<String> session = List.of(item, items.get(0));
                expected.add(original.forSession(session, 10, filter));
                actual.add(loaded.forSession(session, 10, filter));
            }
        }
        assertThat(expected).anyMatch(r -> !r.items().isEmpty());
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
