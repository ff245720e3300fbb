package dev.affinity.models.recommend;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts that do not fit are refused with a message naming the payload. */
class ModelReadErrorsTest {
    private static final Provenance PROVENANCE = new Provenance("test", "none", null, 1L, "jvm", "os", "host");

    @TempDir
    Path dir;

    @Test
    void wrongTypeIsRefused() {
        ArtifactWriter writer = ArtifactWriter.create(dir);
        Fixtures.popularityModel().writeTo(writer);
        writer.finish("popular", ModelType.POPULARITY, null, null, null, PROVENANCE);

        assertThatThrownBy(() -> FactorModel.readFrom(ModelArtifact.open(dir)))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("POPULARITY");
    }

    @Test
    void itemFactorRowsMustMatchTheItemIds() {
        FactorModel model = Fixtures.factorModel();
        ArtifactWriter writer = ArtifactWriter.create(dir)
                .ids("users.ids", model.users())
                .ids("items.ids", model.items())
                .matrix("user_factors.f32", model.userFactors())
                .matrix("item_factors.f32", FloatMatrix.zeros(8, 2))
                .sparse("user_items.csr", model.userItems())
                .matrix("popularity.f32", FloatMatrix.column(model.popularity()));
        writer.finish("broken", ModelType.FACTORS, null, null, null, PROVENANCE);

        assertThatThrownBy(() -> FactorModel.readFrom(ModelArtifact.open(dir)))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("item_factors.f32: 8 rows but items.ids has 9 ids");
    }

    @Test
    void popularityMustBeOneColumn() {
        ArtifactWriter writer = ArtifactWriter.create(dir)
                .ids("items.ids", new IdIndex(List.of("a", "b")))
                .matrix("popularity.f32", FloatMatrix.zeros(2, 2));
        writer.finish("broken", ModelType.POPULARITY, null, null, null, PROVENANCE);

        assertThatThrownBy(() -> PopularityModel.readFrom(ModelArtifact.open(dir)))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("popularity.f32")
                .hasMessageContaining("1 column");
    }

    @Test
    void missingPayloadIsNamed() {
        ArtifactWriter writer = ArtifactWriter.create(dir).ids("items.ids", new IdIndex(List.of("a")));
        writer.finish("broken", ModelType.ITEM_NEIGHBORS, null, null, null, PROVENANCE);

        assertThatThrownBy(() -> NeighborModel.readFrom(ModelArtifact.open(dir)))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("users.ids");
    }

    @Test
    void neighbourColumnsMustBeItems() {
        IdIndex items = new IdIndex(List.of("a", "b"));
        IdIndex users = new IdIndex(List.of("u"));
        assertThatThrownBy(() -> new NeighborModel(
                        users,
                        items,
                        Fixtures.rows(new int[][] {{1}, {2}}),
                        Fixtures.rows(new int[][] {{0}}),
                        new float[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neighbors.csr: column 2");
    }

    @Test
    void nonFiniteValuesAreRefused() {
        IdIndex items = new IdIndex(List.of("a", "b"));
        assertThatThrownBy(() -> new PopularityModel(items, new float[] {1, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("popularity.f32: value 1 is not finite");
    }
}
