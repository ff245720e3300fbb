package dev.affinity.serving.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void yamlFileWithFlagsOnTop() throws Exception {
        Path file = dir.resolve("serving.yaml");
        Files.writeString(file, """
                port: 8080
                registry: /srv/registry
                recommenderModels: [recommender-ease, recommender-popularity]
                tokenDefaults:
                  first_name: Friend
                apiKeys:
                  - name: esp
                    sha256: %s
                    scopes: [read]
                """.formatted(ApiKeyConfig.hash("secret-key")));
        ServingConfig c = ConfigLoader.load(file, Map.of("port", 9090, "host", "0.0.0.0"));
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.registry()).isEqualTo(Path.of("/srv/registry"));
        assertThat(c.recommenderModels()).containsExactly("recommender-ease", "recommender-popularity");
        assertThat(c.tokenDefaults()).containsExactly(Map.entry("first_name", "Friend"));
        assertThat(c.segments()).isNull();
        assertThat(c.churnModel()).isEqualTo("churn");
        assertThat(c.maxK()).isEqualTo(100);
        assertThat(c.authEnabled()).isTrue();
        assertThat(c.redacted()).doesNotContain(ApiKeyConfig.hash("secret-key")).contains("esp");
    }

    @Test
    void defaultsWithoutAFile() {
        ServingConfig c = ConfigLoader.load(null, Map.of());
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.recommenderModels()).startsWith("recommender", "recommender-als");
        assertThat(c.tokenDefaults()).isEmpty();
        assertThat(c.blocks()).isNull();
        assertThat(c.authEnabled()).isFalse();
    }

    @Test
    void badValuesNameTheirField() throws Exception {
        Path file = dir.resolve("serving.json");
        Files.writeString(file, "{\"maxK\": 500}");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("maxK");
        Files.writeString(file, "{\"prot\": 1}");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("prot");
        Files.writeString(file, "{\"port\": \"high\"}");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("port");
        Files.writeString(file, "{\"port\": ");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serving.json:");
        assertThatThrownBy(() -> new ApiKeyConfig("esp", "abc", List.of("read")))
                .hasMessageContaining("apiKeys.esp.sha256");
        assertThatThrownBy(() -> new ApiKeyConfig("esp", ApiKeyConfig.hash("k"), List.of("write")))
                .hasMessageContaining("apiKeys.esp.scopes");
    }

    @Test
    void userListsDefaultToFillingFiftyItemsAndTakePartialSections() throws Exception {
        ServingConfig defaults = ConfigLoader.load(null, Map.of());
        assertThat(defaults.userLists()).isEqualTo(new UserListConfig(true, 50, 1));
        Path file = dir.resolve("serving.yaml");
        Files.writeString(file, """
                userLists:
                  itemsPerUser: 100
                """);
        assertThat(ConfigLoader.load(file, Map.of()).userLists()).isEqualTo(new UserListConfig(true, 100, 1));
        Files.writeString(file, """
                userLists: {fill: false, fillThreads: 2}
                """);
        ServingConfig off = ConfigLoader.load(file, Map.of());
        assertThat(off.userLists()).isEqualTo(new UserListConfig(false, 50, 2));
        assertThat(off.redacted()).contains("userLists=UserListConfig[fill=false");
        // The older constructors keep the defaults.
        assertThat(ServingConfig.defaults().userLists()).isEqualTo(UserListConfig.DEFAULTS);
        assertThat(ServingConfig.defaults().withPorts(0, null).userLists()).isEqualTo(UserListConfig.DEFAULTS);
        Files.writeString(file, """
                userLists: {itemsPerUser: 500}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("userLists.itemsPerUser");
        Files.writeString(file, """
                userLists: {fillThreads: 0}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("userLists.fillThreads");
        Files.writeString(file, """
                userLists: {threads: 2}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("threads");
    }
}
