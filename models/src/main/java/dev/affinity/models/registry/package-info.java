/**
 * The model registry: model artifacts on the local file system under {@code
 * <registry>/<model-name>/<version>/}, with versions {@code v000001, v000002, ...} per name and a
 * {@code current} pointer per name. Artifacts are written to a staging folder, verified, and renamed
 * into place atomically under a per-name file lock, so readers only ever see complete versions and
 * concurrent publishers (threads or processes) never collide.
 */
package dev.affinity.models.registry;
