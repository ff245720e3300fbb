package dev.affinity.serving.api;

import dev.affinity.models.artifact.ArtifactManifest;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.models.ListFiller;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.serving.models.ReloadReport;
import dev.affinity.serving.models.ServingModels;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /admin/models} and {@code POST /admin/models/reload}. */
public final class AdminHandlers {
    private final ModelManager manager;
    private final ModelRegistry registry;

    /** Handlers over {@code manager}. */
    public AdminHandlers(ModelManager manager, ModelRegistry registry) {
        this.manager = manager;
        this.registry = registry;
    }

    /** The models serving now, with their manifests' provenance and metrics. */
    public void models(Context ctx) {
        ServingModels set = manager.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", manager.ready());
        body.put("generation", set.generation());
        body.put("loaded_at", set.loadedAt().toString());
        body.put(
                "recommender",
                set.recommender() == null
                        ? null
                        : describe(set.recommender().name(), set.recommender().version()));
        body.put(
                "churn",
                set.churn() == null
                        ? null
                        : describe(set.churn().name(), set.churn().version()));
        body.put("user_lists", userLists());
        body.put("products", set.products().size());
        body.put("customers", set.customers().size());
        body.put("profiles_as_of", set.customers().profilesAsOf());
        body.put("problem", manager.lastProblem());
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, body);
    }

    /** Progress of the serving recommender's per-user lists, or null when it keeps none for every user. */
    private Map<String, Object> userLists() {
        ListFiller filler = manager.filler();
        if (filler == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items_per_user", filler.perUser());
        m.put("users", filler.users());
        m.put("filled", filler.filled());
        m.put("filling", filler.running());
        m.put("seconds", Math.round(filler.seconds() * 10) / 10.0);
        m.put("problem", filler.failure());
        return m;
    }

    /** Reloads now and says what changed. */
    public void reload(Context ctx) {
        ReloadReport report = manager.reload();
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, report);
    }

    private Map<String, Object> describe(String name, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("version", version);
        try {
            ArtifactManifest manifest = registry.version(name, version).manifest();
            if (manifest != null) {
                m.put("type", manifest.type().name());
                m.put("created_at", manifest.createdAt().toString());
                m.put("project_version", manifest.projectVersion());
                m.put("metrics", manifest.metrics());
                m.put("provenance", manifest.provenance());
            }
        } catch (RuntimeException e) {
            m.put("problem", "manifest unreadable: " + e.getMessage());
        }
        return m;
    }
}
