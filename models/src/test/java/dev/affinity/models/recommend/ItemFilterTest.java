package dev.affinity.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemFilterTest {

    @Test
    void noneFiltersNothing() {
        assertThat(ItemFilter.NONE.hasPriceBounds()).isFalse();
        assertThat(ItemFilter.NONE.excludeItemIds()).isEmpty();
    }

    @Test
    void withersAccumulate() {
        ItemFilter f = ItemFilter.NONE
                .excluding("a")
                .excluding("b")
                .inCategory("garden")
                .priceBetween(1, 2)
                .inStock();

        assertThat(f.excludeItemIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(f).isEqualTo(new ItemFilter(Set.of("a", "b"), false, "garden", 1, 2, true));
        assertThat(f.hasPriceBounds()).isTrue();
    }

    @Test
    void badRangesAndCategoriesAreRefused() {
        assertThatThrownBy(() -> ItemFilter.NONE.priceBetween(5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemFilter.NONE.priceBetween(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemFilter.NONE.inCategory("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogItemsAndCatalogsValidate() {
        assertThatThrownBy(() -> new CatalogItem("a", "A", "x", -1, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatalogItem("", "A", "x", 1, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        CatalogItem a = new CatalogItem("a", "A", "x", Double.NaN, true, true);
        assertThatThrownBy(() -> ItemCatalog.of(List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
        assertThat(ItemCatalog.of(List.of(a)).item("a")).contains(a);
        assertThat(ItemCatalog.of(List.of(a)).item("b")).isEmpty();
    }
}
