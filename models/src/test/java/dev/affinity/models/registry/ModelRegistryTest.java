package dev.affinity.models.registry;

import static dev.affinity.models.registry.TestArtifacts.popularity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing, listing, promoting, rolling back and collecting versions of real artifacts. */
class ModelRegistryTest {
    @TempDir
    Path dir;

    private ModelRegistry registry() {
        return new ModelRegistry(dir.resolve("models"));
    }

    private static List<String> versionNames(List<ModelVersion> versions) {
        return versions.stream().map(ModelVersion::version).toList();
    }

    @Test
    void publishListShowAndOpenCurrentRoundTrip() {
        ModelRegistry registry = registry();
        assertThat(registry.names()).isEmpty();

        ModelVersion published = registry.publish("popular", popularity("popular", 8f), true);

        assertThat(published.version()).isEqualTo("v000001");
        assertThat(published.current()).isTrue();
        assertThat(published.dir()).isEqualTo(dir.resolve("models/popular/v000001"));
        assertThat(registry.names()).containsExactly("popular");
        List<ModelVersion> versions = registry.versions("popular");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).manifest().type()).isEqualTo(ModelType.POPULARITY);
        assertThat(versions.get(0).manifest().metric("validation", "recall_at_10"))
                .isEqualTo(0.8);
        assertThat(registry.version("popular", "v000001").manifest().payloads())
                .containsOnlyKeys("items.ids", "popularity.f32", "settings.json");

        ModelArtifact current = registry.openCurrent("popular");
        assertThat(current.ids("items.ids").id(1)).isEqualTo("B");
        assertThat(current.matrix("popularity.f32").data()).containsExactly(8f, 4f, 2f);
        assertThat(dir.resolve("models/popular/current")).hasContent("v000001");
    }

    @Test
    void versionsIncreaseAndPublishingWithoutPromoteLeavesCurrentAlone() {
        ModelRegistry registry = registry();
        registry.publish("popular", popularity("popular", 1f), true);
        ModelVersion second = registry.publish("popular", popularity("popular", 2f), false);
        registry.publish("other", popularity("other", 3f), false);

        assertThat(second.version()).isEqualTo("v000002");
        assertThat(second.current()).isFalse();
        assertThat(versionNames(registry.versions("popular"))).containsExactly("v000001", "v000002");
        assertThat(registry.current("popular").orElseThrow().version()).isEqualTo("v000001");
        assertThat(registry.names()).containsExactly("other", "popular");
        assertThat(registry.current("other")).isEmpty();
        assertThatThrownBy(() -> registry.openCurrent("other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'other' has no current version");
    }

    @Test
    void promoteAndRollbackMoveCurrentBackAlongTheHistory() {
        ModelRegistry registry = registry();
        for (int i = 1; i <= 3; i++) {
            registry.publish("popular", popularity("popular", i), true);
        }
        // History of current: v1, v2, v3; then v1 promoted again.
        CurrentChange promoted = registry.promote("popular", "v000001");
        assertThat(promoted).isEqualTo(new CurrentChange("popular", "v000003", "v000001"));

        assertThat(registry.rollback("popular")).isEqualTo(new CurrentChange("popular", "v000001", "v000003"));
        assertThat(registry.rollback("popular")).isEqualTo(new CurrentChange("popular", "v000003", "v000002"));
        assertThat(registry.rollback("popular")).isEqualTo(new CurrentChange("popular", "v000002", "v000001"));
        assertThatThrownBy(() -> registry.rollback("popular"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no previous version to roll back to from v000001");
        assertThat(registry.current("popular").orElseThrow().version()).isEqualTo("v000001");
        assertThat(registry.openCurrent("popular").matrix("popularity.f32").get(0, 0))
                .isEqualTo(1f);
        assertThat(registry.history("popular")).extracting(Promotion::action).hasSize(7);
    }

    @Test
    void promotingTheCurrentVersionChangesNothing() {
        ModelRegistry registry = registry();
        registry.publish("popular", popularity("popular", 1f), true);
        CurrentChange same = registry.promote("popular", "v000001");
        assertThat(same.moved()).isFalse();
        assertThat(registry.history("popular")).hasSize(1);
    }

    @Test
    void rollbackWithoutAPreviousVersionIsRefused() {
        ModelRegistry registry = registry();
        registry.publish("popular", popularity("popular", 1f), false);
        assertThatThrownBy(() -> registry.rollback("popular"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'popular' has no current version");
        registry.promote("popular", "v000001");
        assertThatThrownBy(() -> registry.rollback("popular"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no previous version");
        assertThat(dir.resolve("models/popular/current")).hasContent("v000001");
    }

    @Test
    void gcKeepsTheNewestAndTheCurrentAndNeverReusesNumbers() {
        ModelRegistry registry = registry();
        for (int i = 1; i <= 4; i++) {
            registry.publish("popular", popularity("popular", i), true);
        }
        registry.promote("popular", "v000002");

        GcResult gc = registry.gc("popular", 1);

        assertThat(gc.deleted()).containsExactly("v000001", "v000003");
        assertThat(gc.kept()).containsExactly("v000002", "v000004");
        assertThat(gc.current()).isEqualTo("v000002");
        assertThat(versionNames(registry.versions("popular"))).containsExactly("v000002", "v000004");
        assertThat(dir.resolve("models/popular/v000001")).doesNotExist();
        assertThat(registry.openCurrent("popular").matrix("popularity.f32").get(0, 0))
                .isEqualTo(2f);
        assertThat(registry.publish("popular", popularity("popular", 5f), false).version())
                .isEqualTo("v000005");
        // Current was v1, v2, v3, v4, v2: back to v4, then past the deleted v3 to v2.
        assertThat(registry.rollback("popular").to()).isEqualTo("v000004");
        assertThat(registry.rollback("popular").to()).isEqualTo("v000002");
        assertThat(dir.resolve("models/.staging")).isEmptyDirectory();
    }

    @Test
    void gcRefusesToKeepFewerThanOne() {
        ModelRegistry registry = registry();
        registry.publish("popular", popularity("popular", 1f), true);
        assertThatThrownBy(() -> registry.gc("popular", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keep at least 1 version, not 0");
    }

    @Test
    void versionNumbersSurviveTheNewestBeingDeletedByHand() throws Exception {
        ModelRegistry registry = registry();
        registry.publish("popular", popularity("popular", 1f), true);
        registry.publish("popular", popularity("popular", 2f), false);
        deleteTree(dir.resolve("models/popular/v000002"));
        assertThat(registry.publish("popular", popularity("popular", 3f), false).version())
                .isEqualTo("v000003");
    }

    @Test
    void unknownNamesAndVersionsAreRefusedListingWhatExists() {
        ModelRegistry registry = registry();
        registry.publish("popular", popularity("popular", 1f), true);
        assertThatThrownBy(() -> registry.versions("populr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no model 'populr'")
                .hasMessageContaining("[popular]");
        assertThatThrownBy(() -> registry.open("popular", "v000009"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no version 'v000009'")
                .hasMessageContaining("[v000001]");
        assertThatThrownBy(() -> registry.promote("popular", "../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no version '../x'");
        assertThatThrownBy(() -> registry.versions("../etc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad model name '../etc'");
        assertThat(dir.resolve("models/populr")).doesNotExist();
    }

    @Test
    void aManifestNamingAnotherModelIsRefused() {
        ModelRegistry registry = registry();
        assertThatThrownBy(() -> registry.publish("popular", popularity("churn", 1f), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.json: the manifest names model 'churn'");
        assertThat(registry.names()).isEmpty();
        assertThat(dir.resolve("models/.staging")).isEmptyDirectory();
    }

    static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
