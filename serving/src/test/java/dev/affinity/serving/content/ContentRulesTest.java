package dev.affinity.serving.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.config.ConfigException;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.models.ModelManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentRulesTest {
    @TempDir
    Path dir;

    private ServingConfig config(Path segments, Path tokens, Path blocks) {
        return ServingConfig.defaults().withContentFiles(segments, tokens, blocks);
    }

    @Test
    void theBundledFilesCompile() {
        ContentRules rules = ContentRules.load(ServingConfig.defaults());
        assertThat(rules.segments().segments()).hasSize(6);
        assertThat(rules.tokens().names()).contains("first_name", "loyalty_tier");
        assertThat(rules.blocks().names()).containsExactly("recommended", "because-you-bought", "win-back");
    }

    @Test
    void aBadRuleFailsStartUpNamingRulePositionAndField() throws Exception {
        Path segments = dir.resolve("segments.yaml");
        Files.writeString(segments, """
                segments:
                  - name: Big Spenders
                    rule: monetary > 100 and frequncy > 3
                """);
        ServingConfig config = config(segments, null, null);
        assertThatThrownBy(() -> new ModelManager(config, new ModelRegistry(dir.resolve("r")), null, new Quiet()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("segments: " + segments)
                .hasMessageContaining("segment 'Big Spenders'")
                .hasMessageContaining("position 20")
                .hasMessageContaining("frequncy");
        Files.writeString(segments, """
                segments:
                  - name: Typed
                    rule: city > 3
                """);
        assertThatThrownBy(() -> ContentRules.load(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("segment 'Typed'")
                .hasMessageContaining("city");
    }

    @Test
    void badTokensAndTokenDefaultsNameTheirField() throws Exception {
        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n  tier: {expr: \"if(monetary >= 'a', 'Gold', 'Member')\"}\n");
        assertThatThrownBy(() -> ContentRules.load(config(null, tokens, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tokens: ")
                .hasMessageContaining("token 'tier'");
        ServingConfig unknownDefault = new ServingConfig(
                null, 7070, null, null, null, null, null, 30, 300, 10, 100, 1000, 1, Map.of("shoe_size", "42"), null);
        assertThatThrownBy(() -> ContentRules.load(unknownDefault))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenDefaults")
                .hasMessageContaining("shoe_size");
        ServingConfig override = new ServingConfig(
                null, 7070, null, null, null, null, null, 30, 300, 10, 100, 1000, 1, Map.of("city", "town"), null);
        assertThat(ContentRules.load(override).tokens().fallbacks().values()).containsEntry("city", "town");
    }

    @Test
    void badBlocksNameBlockAndField() throws Exception {
        Path blocks = dir.resolve("blocks.yaml");
        String head = "image_fallback: https://x.example/none.png\nblocks:\n";
        Files.writeString(blocks, head + "  - {name: a, kind: recommendations, template: carousel, segment: VIPs}\n");
        assertThatThrownBy(() -> ContentRules.load(config(null, null, blocks)))
                .hasMessageContaining("block 'a': segment 'VIPs'");
        Files.writeString(blocks, head + "  - {name: a, kind: recommendations, template: nope}\n");
        assertThatThrownBy(() -> ContentRules.load(config(null, null, blocks)))
                .hasMessageContaining("block 'a': template 'nope'");
        Files.writeString(
                blocks, head + "  - {name: a, kind: recommendations, template: carousel, heading: 'Hi {{shoe}}'}\n");
        assertThatThrownBy(() -> ContentRules.load(config(null, null, blocks)))
                .hasMessageContaining("block 'a': heading")
                .hasMessageContaining("unknown token 'shoe'");
        Files.writeString(
                blocks,
                head + "  - {name: a, kind: recommendations, template: carousel, fallback: b}\n"
                        + "  - {name: b, kind: recommendations, template: carousel, fallback: a}\n");
        assertThatThrownBy(() -> ContentRules.load(config(null, null, blocks)))
                .hasMessageContaining("fallbacks loop: a -> b -> a");
        Files.writeString(blocks, head + "  - {name: a, kind: carousel, template: carousel}\n");
        assertThatThrownBy(() -> ContentRules.load(config(null, null, blocks)))
                .hasMessageContaining("unknown kind 'carousel'");
        Files.writeString(blocks, "utm_source: x y\nimage_fallback: https://x.example/n.png\n");
        assertThatThrownBy(() -> ContentRules.load(config(null, null, blocks))).hasMessageContaining("utm_source");
    }

    @Test
    void templatesFromAFolderBesideTheBlockFile() throws Exception {
        Files.createDirectories(dir.resolve("tpl"));
        Files.writeString(dir.resolve("tpl/plain.mustache"), "{{#items}}{{title}};{{/items}}");
        Path blocks = dir.resolve("blocks.yaml");
        Files.writeString(blocks, """
                image_fallback: https://x.example/none.png
                template_dir: tpl
                blocks:
                  - {name: plain, kind: recommendations, template: plain}
                """);
        assertThat(ContentRules.load(config(null, null, blocks)).blocks().names())
                .containsExactly("plain");
    }

    @Test
    void tokenTemplatesEscapeValuesAndKeepTheText() {
        TokenTemplate t = TokenTemplate.parse("<b>Hi {{ first_name }}</b>{{x}}", List.of("first_name", "x"));
        assertThat(t.render(Map.of("first_name", "<i>Ann & \"Bo\"</i>", "x", "'")))
                .isEqualTo("<b>Hi &lt;i&gt;Ann &amp; &quot;Bo&quot;&lt;/i&gt;</b>&#39;");
        assertThat(t.tokens()).containsExactly("first_name", "x");
    }

    /** A listener that ignores everything. */
    private static final class Quiet implements ModelManager.Listener {
        @Override
        public void loadFailed(String model, String version, Exception e) {}

        @Override
        public void swapped(dev.affinity.serving.models.ServingModels models) {}
    }
}
