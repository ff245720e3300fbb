/**
 * The {@code affinity} command-line interface: one picocli command per task. Every command prints a
 * one-line summary (or a JSON object with {@code --json}), shows progress of long steps on stderr,
 * and exits non-zero with a message naming the file and line, or the option, on bad input.
 */
package dev.affinity.training.cli;
