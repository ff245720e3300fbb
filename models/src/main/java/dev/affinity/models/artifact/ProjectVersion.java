package dev.affinity.models.artifact;

/** The Affinity version recorded in artifacts: the jar's Implementation-Version, or "dev" from classes. */
final class ProjectVersion {
    private ProjectVersion() {}

    static String get() {
        String v = ProjectVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
