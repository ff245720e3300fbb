/** The send-time personalization server: its factory ({@link dev.affinity.serving.ServingApp}) and main. */
package dev.affinity.serving;
