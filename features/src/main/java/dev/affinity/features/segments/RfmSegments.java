package dev.affinity.features.segments;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The RFM map: named cells of the recency x frequency grid of quintile scores ({@code r_score},
 * {@code f_score}, 1-5, from the profile). The first cell that contains a customer's scores names
 * their segment; the cells must cover all 25 score pairs, so every customer with an order is in
 * exactly one. Customers without an order (no scores) are in {@link #noOrders}.
 *
 * @param cells the named cells, in matching order
 * @param noOrders the segment of customers without orders
 * @param priority the label's priority at send time (see {@link SegmentDefinition#priority})
 */
public record RfmSegments(
        @JsonProperty("cells") List<Cell> cells,
        @JsonProperty("no_orders") String noOrders,
        @JsonProperty("priority") Integer priority) {

    /**
     * One named rectangle of the grid, bounds included.
     *
     * @param name the segment name
     * @param r recency scores, such as {@code "4-5"} or {@code "3"}
     * @param f frequency scores, likewise
     */
    public record Cell(
            @JsonProperty("name") String name,
            @JsonProperty("r") String r,
            @JsonProperty("f") String f) {}

    /**
     * The common map (after the RFM grid popularised for e-commerce): Champions, Loyal Customers,
     * Potential Loyalists, New Customers, Promising, Need Attention, About To Sleep, Can't Lose Them,
     * At Risk, Lost (the lowest recency and frequency) and Hibernating.
     */
    public static final RfmSegments DEFAULT = new RfmSegments(
            List.of(
                    new Cell("Champions", "5", "4-5"),
                    new Cell("Loyal Customers", "3-4", "4-5"),
                    new Cell("Potential Loyalists", "4-5", "2-3"),
                    new Cell("New Customers", "5", "1"),
                    new Cell("Promising", "4", "1"),
                    new Cell("Need Attention", "3", "3"),
                    new Cell("About To Sleep", "3", "1-2"),
                    new Cell("Can't Lose Them", "1-2", "5"),
                    new Cell("At Risk", "1-2", "3-4"),
                    new Cell("Lost", "1", "1"),
                    new Cell("Hibernating", "1-2", "1-2")),
            "No Orders Yet",
            200);

    /** Fills defaults and checks that the cells cover the grid. */
    public RfmSegments {
        cells = cells == null ? DEFAULT.cells : List.copyOf(cells);
        noOrders = noOrders == null ? "No Orders Yet" : noOrders;
        priority = priority == null ? 200 : priority;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                if (index(cells, r, f) < 0) {
                    throw new IllegalArgumentException("rfm: no cell covers r_score " + r + ", f_score " + f);
                }
            }
        }
    }

    /** The segment names, cells first then {@link #noOrders}, without repeats. */
    public List<String> names() {
        return java.util.stream.Stream.concat(cells.stream().map(Cell::name), java.util.stream.Stream.of(noOrders))
                .distinct()
                .toList();
    }

    /** The segment of a customer with these scores (null scores: no orders). */
    public String segmentOf(Double rScore, Double fScore) {
        if (rScore == null || fScore == null) {
            return noOrders;
        }
        return cells.get(index(cells, (int) Math.round(rScore), (int) Math.round(fScore)))
                .name();
    }

    private static int index(List<Cell> cells, int r, int f) {
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (in(c.r(), r, c.name()) && in(c.f(), f, c.name())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean in(String range, int score, String name) {
        try {
            String[] parts = range.trim().split("-");
            int low = Integer.parseInt(parts[0].trim());
            int high = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : low;
            return score >= low && score <= high;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "rfm cell '" + name + "': '" + range + "' is not a score or range such as 4-5");
        }
    }
}
