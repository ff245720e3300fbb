package dev.affinity.serving.content;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.RuleException;
import dev.affinity.features.segments.SegmentConfig;
import dev.affinity.features.segments.SegmentDefinition;
import dev.affinity.features.segments.SegmentSet;
import dev.affinity.features.tokens.TokenConfig;
import dev.affinity.features.tokens.TokenSet;
import dev.affinity.serving.config.ConfigException;
import dev.affinity.serving.config.ServingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the send-time content is made of, compiled together from the files {@link ServingConfig}
 * names (or the bundled ones): the segment rules, the tokens (with {@code tokenDefaults} as fallback
 * overrides) and the content blocks. Compiled at start-up, where a bad rule fails the boot, and
 * again on reload when a file changed. Immutable and thread-safe.
 *
 * @param segments the compiled segments (with the RFM map)
 * @param tokens the compiled tokens
 * @param blocks the compiled blocks
 * @param fingerprint what identifies the files read (paths, sizes, modification times)
 */
public record ContentRules(SegmentSet segments, TokenSet tokens, BlockCatalog blocks, String fingerprint) {
    private static final Logger LOG = LoggerFactory.getLogger(ContentRules.class);

    /**
     * Reads and compiles the files of {@code config}.
     *
     * @throws ConfigException whose field is {@code segments}, {@code tokens}, {@code tokenDefaults}
     *     or {@code blocks} and whose message names the file and, for a rule, the segment or token,
     *     the position and the field
     */
    public static ContentRules load(ServingConfig config) {
        ProfileFields fields = ProfileFields.customerProfiles();
        SegmentSet segments;
        try {
            SegmentConfig sc =
                    config.segments() == null ? SegmentConfig.defaults() : SegmentConfig.read(config.segments());
            segments = SegmentSet.compile(sc, fields);
        } catch (RuleException e) {
            throw new ConfigException("segments", describe(config.segments(), "default-segments.yaml") + withField(e));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("segments", config.segments() + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(
                    "segments", describe(config.segments(), "default-segments.yaml") + e.getMessage());
        }
        segments.warnings().forEach(w -> LOG.warn("segments: {}", w));
        TokenConfig tc;
        try {
            tc = config.tokens() == null ? TokenConfig.defaults() : TokenConfig.read(config.tokens());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("tokens", describe(config.tokens(), "default-tokens.yaml") + e.getMessage());
        }
        try {
            tc = tc.withFallbacks(config.tokenDefaults());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "tokenDefaults", e.getMessage() + " (tokens: " + tc.tokens().keySet() + ")");
        }
        TokenSet tokens;
        try {
            tokens = TokenSet.compile(tc, fields);
        } catch (RuleException e) {
            throw new ConfigException("tokens", describe(config.tokens(), "default-tokens.yaml") + withField(e));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tokens", describe(config.tokens(), "default-tokens.yaml") + e.getMessage());
        }
        Set<String> segmentNames = new LinkedHashSet<>();
        for (SegmentDefinition d : segments.segments()) {
            segmentNames.add(d.name());
        }
        segmentNames.addAll(segments.rfm().names());
        BlockCatalog blocks;
        try {
            BlockConfig bc = config.blocks() == null ? BlockConfig.defaults() : BlockConfig.read(config.blocks());
            Path base = config.blocks() == null
                    ? null
                    : config.blocks().toAbsolutePath().getParent();
            blocks = BlockCatalog.compile(bc, base, segmentNames, tokens.names());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("blocks", describe(config.blocks(), "default-blocks.yaml") + e.getMessage());
        }
        return new ContentRules(segments, tokens, blocks, fingerprint(config));
    }

    /** What identifies the files of {@code config} now; when it changes, {@link #load} again. */
    public static String fingerprint(ServingConfig config) {
        StringBuilder key = new StringBuilder();
        for (Path file : new Path[] {config.segments(), config.tokens(), config.blocks()}) {
            key.append(file == null ? "bundled" : file.toString());
            if (file != null) {
                try {
                    key.append(':').append(Files.size(file)).append(':').append(Files.getLastModifiedTime(file));
                } catch (IOException e) {
                    key.append(":unreadable");
                }
            }
            key.append('|');
        }
        return key.toString();
    }

    /** The rule's message, with the field it is about when the message does not name it already. */
    private static String withField(RuleException e) {
        return e.field() == null || e.getMessage().contains("'" + e.field() + "'")
                ? e.getMessage()
                : e.getMessage() + " (field '" + e.field() + "')";
    }

    private static String describe(Path file, String bundled) {
        return (file == null ? "bundled " + bundled : file.toString()) + ": ";
    }
}
