/** The server's typed configuration: a JSON or YAML file plus command-line flags, validated at start-up. */
package dev.affinity.serving.config;
