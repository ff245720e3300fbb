package dev.affinity.serving.content;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of a {@link BlockConfig}, checked and compiled: every template compiled with Mustache,
 * headings and intros parsed as {@link TokenTemplate}s, segments and fallbacks resolved (a fallback
 * chain may not loop). Immutable; compiled templates are safe to run from several threads.
 */
public final class BlockCatalog {
    /** Where the bundled templates live on the class path. */
    public static final String BUNDLED_TEMPLATES = "dev/affinity/serving/content/templates";

    /**
     * One block ready to render.
     *
     * @param definition as configured
     * @param template the compiled Mustache template
     * @param heading the heading
     * @param intro the intro line, or {@code null}
     */
    public record Block(BlockDefinition definition, Mustache template, TokenTemplate heading, TokenTemplate intro) {}

    private final BlockConfig config;
    private final Map<String, Block> blocks;

    private BlockCatalog(BlockConfig config, Map<String, Block> blocks) {
        this.config = config;
        this.blocks = blocks;
    }

    /**
     * Compiles {@code config}.
     *
     * @param baseDir the folder {@code template_dir} is relative to (the block file's), or {@code null}
     * @param segmentNames the names a block's {@code segment} may use (rule segments and RFM labels)
     * @param tokenNames the tokens headings and intros may use
     * @throws IllegalArgumentException naming the block and the field at fault
     */
    public static BlockCatalog compile(
            BlockConfig config, Path baseDir, Collection<String> segmentNames, Collection<String> tokenNames) {
        MustacheFactory mustache;
        if (config.templateDir() == null) {
            mustache = new HtmlMustacheFactory(BUNDLED_TEMPLATES);
        } else {
            Path dir = (baseDir == null ? Path.of(".") : baseDir).resolve(config.templateDir());
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("template_dir: no folder at " + dir);
            }
            mustache = new HtmlMustacheFactory(dir.toFile());
        }
        Map<String, Block> blocks = new LinkedHashMap<>();
        for (BlockDefinition d : config.blocks()) {
            String where = "block '" + d.name() + "': ";
            if (blocks.containsKey(d.name())) {
                throw new IllegalArgumentException(where + "defined twice");
            }
            if (d.segment() != null && !segmentNames.contains(d.segment())) {
                throw new IllegalArgumentException(where + "segment '" + d.segment()
                        + "' is not an enabled segment or RFM label (known: " + String.join(", ", segmentNames) + ")");
            }
            Mustache template;
            try {
                template = mustache.compile(d.template() + ".mustache");
            } catch (MustacheException e) {
                throw new IllegalArgumentException(
                        where + "template '" + d.template() + "' does not compile: " + e.getMessage());
            }
            blocks.put(
                    d.name(),
                    new Block(
                            d,
                            template,
                            tokens(where + "heading", d.heading(), tokenNames),
                            d.intro() == null ? null : tokens(where + "intro", d.intro(), tokenNames)));
        }
        for (BlockDefinition d : config.blocks()) {
            List<String> chain = new ArrayList<>(List.of(d.name()));
            String next = d.fallback();
            while (next != null) {
                if (!blocks.containsKey(next)) {
                    throw new IllegalArgumentException(
                            "block '" + d.name() + "': fallback '" + next + "' is not a block");
                }
                if (chain.contains(next)) {
                    chain.add(next);
                    throw new IllegalArgumentException(
                            "block '" + d.name() + "': fallbacks loop: " + String.join(" -> ", chain));
                }
                chain.add(next);
                next = blocks.get(next).definition().fallback();
            }
        }
        return new BlockCatalog(config, java.util.Collections.unmodifiableMap(blocks));
    }

    /**
     * Mustache with the escaping of {@link TokenTemplate#escapeHtml} ({@code & < > " '}): the
     * library's own also turns {@code =} into {@code &#61;}, which makes every UTM link unreadable.
     */
    private static final class HtmlMustacheFactory extends DefaultMustacheFactory {
        HtmlMustacheFactory(String resourceRoot) {
            super(resourceRoot);
        }

        HtmlMustacheFactory(java.io.File fileRoot) {
            super(fileRoot);
        }

        @Override
        public void encode(String value, java.io.Writer writer) {
            try {
                writer.write(TokenTemplate.escapeHtml(value));
            } catch (java.io.IOException e) {
                throw new MustacheException("cannot write the block", e);
            }
        }
    }

    private static TokenTemplate tokens(String where, String text, Collection<String> tokenNames) {
        try {
            return TokenTemplate.parse(text, tokenNames);
        } catch (TemplateException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    /** The file-level settings (UTM values, image fallback, currency). */
    public BlockConfig config() {
        return config;
    }

    /** The block named {@code name}, or {@code null}. */
    public Block block(String name) {
        return blocks.get(name);
    }

    /** The block names, in file order. */
    public Set<String> names() {
        return blocks.keySet();
    }
}
