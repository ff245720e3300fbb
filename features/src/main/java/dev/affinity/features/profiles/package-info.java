/**
 * Point-in-time customer profiles ({@code customer_profiles}) computed with SQL on embedded DuckDB,
 * and churn labels for a cutoff and horizon. A profile as of T uses only data strictly before T.
 */
package dev.affinity.features.profiles;
