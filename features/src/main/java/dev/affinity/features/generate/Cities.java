package dev.affinity.features.generate;

import java.util.List;

/** Where synthetic customers live: a few large cities carry most of the weight, then a long tail. */
final class Cities {
    private static final String US = "United States";
    private static final String UK = "United Kingdom";

    /** Every city, heaviest first. */
    static final List<City> ALL = List.of(
            new City("New York", US, 14),
            new City("London", UK, 12),
            new City("Los Angeles", US, 9),
            new City("Chicago", US, 7),
            new City("Houston", US, 3),
            new City("Manchester", UK, 3),
            new City("Toronto", "Canada", 3),
            new City("Sydney", "Australia", 2.5),
            new City("San Francisco", US, 2.5),
            new City("Birmingham", UK, 2),
            new City("Paris", "France", 2),
            new City("Berlin", "Germany", 2),
            new City("Seattle", US, 2),
            new City("Boston", US, 2),
            new City("Dublin", "Ireland", 1.5),
            new City("Melbourne", "Australia", 1.5),
            new City("Vancouver", "Canada", 1.2),
            new City("Amsterdam", "Netherlands", 1.2),
            new City("Madrid", "Spain", 1.2),
            new City("Leeds", UK, 1.2),
            new City("Glasgow", UK, 1),
            new City("Austin", US, 1),
            new City("Denver", US, 1),
            new City("Atlanta", US, 1),
            new City("Miami", US, 1),
            new City("Munich", "Germany", 0.8),
            new City("Lisbon", "Portugal", 0.6),
            new City("Stockholm", "Sweden", 0.6),
            new City("Copenhagen", "Denmark", 0.5),
            new City("Oslo", "Norway", 0.5),
            new City("Zurich", "Switzerland", 0.5),
            new City("Brussels", "Belgium", 0.5),
            new City("Auckland", "New Zealand", 0.5),
            new City("Cape Town", "South Africa", 0.4),
            new City("Singapore", "Singapore", 0.4),
            new City("Bristol", UK, 0.8),
            new City("Edinburgh", UK, 0.7),
            new City("Portland", US, 0.6),
            new City("Montreal", "Canada", 0.6),
            new City("Vienna", "Austria", 0.4));

    private Cities() {}

    /** Cumulative weights of {@link #ALL}, for {@link RandomDraws#pick}. */
    static double[] cumulativeWeights() {
        return RandomDraws.cumulative(ALL.stream().mapToDouble(City::weight).toArray());
    }
}
