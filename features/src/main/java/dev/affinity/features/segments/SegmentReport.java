package dev.affinity.features.segments;

import java.time.LocalDate;
import java.util.List;

/**
 * What a segment batch found.
 *
 * @param asOf the profile snapshot's cutoff
 * @param customers profiles evaluated
 * @param membersFile the Parquet file of (customer, segment) rows
 * @param segments per segment, its figures (rule segments in configuration order, then RFM)
 * @param overlaps pairs of rule segments sharing more than 90% of the smaller one's members
 * @param warnings governance warnings: too many segments, empty segments, overlaps
 * @param churnWindowComplete whether observed churn rates could be computed (the warehouse holds
 *     the whole label window after the cutoff)
 */
public record SegmentReport(
        LocalDate asOf,
        long customers,
        String membersFile,
        List<Figures> segments,
        List<Overlap> overlaps,
        List<String> warnings,
        boolean churnWindowComplete) {

    /**
     * One segment's figures.
     *
     * @param name the segment
     * @param family {@code rule} or {@code rfm}
     * @param members customers in it
     * @param share members over all customers evaluated
     * @param revenue the members' net revenue before the cutoff
     * @param averageOrderValue the members' revenue over their orders ({@code null} without orders)
     * @param churnRate share of members who bought before the cutoff and not in the horizon after it
     *     ({@code null} when the window is incomplete or no member bought)
     * @param meanChurnScore mean predicted churn score of the members ({@code null} without a model)
     */
    public record Figures(
            String name,
            String family,
            long members,
            double share,
            double revenue,
            Double averageOrderValue,
            Double churnRate,
            Double meanChurnScore) {}

    /**
     * Two segments with most members in common.
     *
     * @param a one segment
     * @param b the other
     * @param shared customers in both
     * @param shareOfSmaller shared over the smaller segment's members
     */
    public record Overlap(String a, String b, long shared, double shareOfSmaller) {}
}
