package dev.affinity.serving;

import dev.affinity.serving.models.ModelManager;
import io.javalin.Javalin;

/** The running (or ready to run) server: the API app, the optional ops app, and the model manager. */
public final class ServingServer implements AutoCloseable {
    private final Javalin api;
    private final Javalin ops;
    private final ModelManager manager;

    ServingServer(Javalin api, Javalin ops, ModelManager manager) {
        this.api = api;
        this.ops = ops;
        this.manager = manager;
    }

    /** Starts the HTTP listeners and the model watcher; models load in the background. */
    public ServingServer start() {
        api.start();
        if (ops != null) {
            ops.start();
        }
        manager.startWatching();
        return this;
    }

    /** The API port (useful when configured as 0). */
    public int port() {
        return api.port();
    }

    /** The ops port, or the API port when the ops endpoints share it. */
    public int opsPort() {
        return ops == null ? api.port() : ops.port();
    }

    /** The model manager. */
    public ModelManager manager() {
        return manager;
    }

    /** Stops the listeners and the watcher. */
    @Override
    public void close() {
        manager.close();
        if (ops != null) {
            ops.stop();
        }
        api.stop();
    }
}
