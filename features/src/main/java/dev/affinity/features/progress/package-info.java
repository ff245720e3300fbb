/** Progress reporting for long steps, so that a command line can show how far a load has come. */
package dev.affinity.features.progress;
