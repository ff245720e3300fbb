package dev.affinity.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.recommend.Recommendations.Source;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Artifacts written by the first version of this package (format version 1), committed under
 * {@code src/test/resources/golden/}. They must keep loading, checksums verified, and give these
 * exact answers as the code evolves; never regenerate them to make this test pass.
 *
 * <p>Each is bound to a catalog holding every model item as in-stock merchandise, so only the model
 * decides. The factor artifact holds items A..I with vectors A (3,4), B (4,3), C (0,2), D (2,0), E
 * (6,8), F (1,0), G (0,1), H (4,3), I (5,0); u0 = (1,1) bought A, C; u1 = (2,0) bought B, D; u5 =
 * (0,3) bought G. The neighbour artifact holds rows a: b 3, c 1; b: a 3, d 2; c: a 1, e 4, f 9; d: b
 * 2, e 1; e: c 4, d 1; f: a 5; x bought a, b; y bought c.
 */
class GoldenArtifactTest {

    @Test
    void factors() {
        ModelArtifact artifact = open("factors");
        assertThat(artifact.manifest().type()).isEqualTo(ModelType.FACTORS);
        assertThat(artifact.manifest().provenance().seed()).isEqualTo(7L);
        FactorModel model = FactorModel.readFrom(artifact);
        Recommender r = catalogOf(model.items()).bind(model, ColdStartPolicy.POPULAR);

        // u0: E 14, A 7, B 7, H 7 (tie by position); reasons by highest cosine with A or C.
        assertThat(r.recommend("u0", 4, ItemFilter.NONE).items())
                .containsExactly(
                        new ScoredItem("E", 14f, "A"),
                        new ScoredItem("A", 7f, "C"),
                        new ScoredItem("B", 7f, "A"),
                        new ScoredItem("H", 7f, "A"));
        // u1: E 12, I 10, B 8, H 8; cos(D,I) = 1 beats cos(B,I) = 0.8.
        assertThat(r.recommend("u1", 4, ItemFilter.NONE).items())
                .containsExactly(
                        new ScoredItem("E", 12f, "B"),
                        new ScoredItem("I", 10f, "D"),
                        new ScoredItem("B", 8f, "D"),
                        new ScoredItem("H", 8f, "B"));
        // u5: E 24, A 12, B 9, H 9; G is the only reason there is.
        assertThat(r.recommend("u5", 3, ItemFilter.NONE).items())
                .containsExactly(
                        new ScoredItem("E", 24f, "G"), new ScoredItem("A", 12f, "G"), new ScoredItem("B", 9f, "G"));
        assertThat(r.similarItems("A", 3, ItemFilter.NONE).items())
                .containsExactly(
                        new ScoredItem("E", 1f, null),
                        new ScoredItem("B", 0.96f, null),
                        new ScoredItem("H", 0.96f, null));
        Recommendations unknown = r.recommend("nobody", 3, ItemFilter.NONE);
        assertThat(unknown.source()).isEqualTo(Source.POPULAR_FALLBACK);
        assertThat(unknown.items())
                .containsExactly(
                        new ScoredItem("A", 2f, null), new ScoredItem("B", 2f, null), new ScoredItem("C", 2f, null));
    }

    @Test
    void itemNeighbors() {
        ModelArtifact artifact = open("item_neighbors");
        assertThat(artifact.manifest().type()).isEqualTo(ModelType.ITEM_NEIGHBORS);
        NeighborModel model = NeighborModel.readFrom(artifact);
        Recommender r = catalogOf(model.items()).bind(model, ColdStartPolicy.EMPTY);

        assertThat(r.recommend("x", 10, ItemFilter.NONE).items())
                .containsExactly(
                        new ScoredItem("a", 3f, "b"),
                        new ScoredItem("b", 3f, "a"),
                        new ScoredItem("d", 2f, "b"),
                        new ScoredItem("c", 1f, "a"));
        assertThat(r.recommend("y", 10, ItemFilter.NONE).items())
                .containsExactly(
                        new ScoredItem("f", 9f, "c"), new ScoredItem("e", 4f, "c"), new ScoredItem("a", 1f, "c"));
        assertThat(r.similarItems("c", 2, ItemFilter.NONE).items())
                .containsExactly(new ScoredItem("f", 9f, null), new ScoredItem("e", 4f, null));
        assertThat(r.recommend("nobody", 3, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
    }

    @Test
    void popularity() {
        ModelArtifact artifact = open("popularity");
        assertThat(artifact.manifest().type()).isEqualTo(ModelType.POPULARITY);
        PopularityModel model = PopularityModel.readFrom(artifact);
        Recommender r = catalogOf(model.items()).bind(model, ColdStartPolicy.POPULAR);

        assertThat(r.recommend("anyone", 4, ItemFilter.NONE).items())
                .containsExactly(
                        new ScoredItem("POST", 500f, null),
                        new ScoredItem("kite", 90f, null),
                        new ScoredItem("plate", 80f, null),
                        new ScoredItem("spade", 80f, null));
    }

    private static ModelArtifact open(String type) {
        try {
            return ModelArtifact.open(Path.of(
                    GoldenArtifactTest.class.getResource("/golden/" + type).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ItemCatalog catalogOf(IdIndex items) {
        List<CatalogItem> all = new ArrayList<>();
        for (String id : items.ids()) {
            all.add(new CatalogItem(id, id, "all", 1.0, true, true));
        }
        return ItemCatalog.of(all);
    }
}
