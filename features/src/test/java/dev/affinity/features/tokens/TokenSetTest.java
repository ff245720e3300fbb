package dev.affinity.features.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.features.segments.ProfileFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSetTest {
    private static final ProfileFields FIELDS = ProfileFields.customerProfiles();
    private static final LocalDateTime NOW = LocalDateTime.of(2011, 9, 1, 0, 0);
    private final TokenSet tokens = TokenSet.compile(TokenConfig.defaults(), FIELDS);

    @TempDir
    Path dir;

    private static Object[] profile(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return FIELDS.row(m);
    }

    @Test
    void resolvesFieldsAndExpressionsAndFallsBackWhenMissing() {
        ResolvedTokens ada = tokens.resolve(
                profile(
                        "first_name", "Ada",
                        "city", "London",
                        "monetary", 1234.5,
                        "frequency", 7,
                        "last_order_at", LocalDateTime.of(2011, 8, 22, 14, 0),
                        "last_purchased_item", "WHITE HANGING HEART T-LIGHT HOLDER",
                        "last_purchase_category", "Home"),
                NOW);
        assertThat(ada.values())
                .containsEntry("first_name", "Ada")
                .containsEntry("city", "London")
                .containsEntry("loyalty_tier", "Gold")
                .containsEntry("days_since_last_order", "9")
                .containsEntry("orders_count", "7")
                .containsEntry("last_purchased_item", "WHITE HANGING HEART T-LIGHT HOLDER")
                .containsEntry("favourite_category", "our new arrivals");
        assertThat(ada.fellBack()).containsExactly("last_name", "country", "favourite_category");

        ResolvedTokens blank = tokens.resolve(profile("first_name", "  ", "monetary", 300.0), NOW);
        assertThat(blank.values())
                .containsEntry("first_name", "Valued Customer")
                .containsEntry("loyalty_tier", "Silver");
        assertThat(blank.fellBack()).contains("first_name", "days_since_last_order");
        assertThat(tokens.fallbacks().values()).containsEntry("first_name", "Valued Customer");
        assertThat(tokens.fallbacks().fellBack()).containsExactlyElementsOf(tokens.names());
    }

    @Test
    void fallbacksAreConfigurableAndErrorsNameTheToken() throws Exception {
        TokenSet custom =
                TokenSet.compile(TokenConfig.defaults().withFallbacks(Map.of("first_name", "Friend")), FIELDS);
        assertThat(custom.resolve(profile(), NOW).values()).containsEntry("first_name", "Friend");
        assertThatThrownBy(() -> TokenConfig.defaults().withFallbacks(Map.of("nickname", "x")))
                .hasMessageContaining("no token named 'nickname'");

        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, "tokens:\n  nick: {field: nickname}\n");
        assertThatThrownBy(() -> TokenSet.compile(TokenConfig.read(file), FIELDS))
                .hasMessageContaining("token 'nick': unknown field 'nickname'");
        Files.writeString(file, "tokens:\n  tier: {expr: \"if(monetary > 1, 'a')\"}\n");
        assertThatThrownBy(() -> TokenSet.compile(TokenConfig.read(file), FIELDS))
                .hasMessageContaining("token 'tier': rule position 1: if takes 3 arguments, got 2");
        Files.writeString(file, "tokens:\n  both: {field: city, expr: \"city\"}\n");
        assertThatThrownBy(() -> TokenConfig.read(file))
                .hasMessageContaining("tokens.yaml:")
                .hasMessageContaining("exactly one of 'field' or 'expr'");
    }
}
