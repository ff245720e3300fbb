package dev.affinity.features.products;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the warehouse's {@code products} table, one {@link ProductRow} per product id. */
public final class ProductRows {
    private static final String SQL = "SELECT product_id, any_value(title), any_value(category), any_value(price),"
            + " any_value(url), any_value(image_url), coalesce(bool_or(in_stock), true),"
            + " coalesce(bool_or(is_merchandise), true)"
            + " FROM products GROUP BY product_id ORDER BY product_id";

    private ProductRows() {}

    /** Every product of {@code warehouse}, in product id order. */
    public static List<ProductRow> read(Warehouse warehouse) {
        List<ProductRow> rows = new ArrayList<>();
        try (WarehouseSql session = WarehouseSql.open(warehouse);
                Statement s = session.connection().createStatement();
                ResultSet rs = s.executeQuery(SQL)) {
            while (rs.next()) {
                String id = rs.getString(1);
                String title = rs.getString(2);
                String category = rs.getString(3);
                double price = rs.getDouble(4);
                if (rs.wasNull() || price < 0 || Double.isInfinite(price)) {
                    price = Double.NaN;
                }
                rows.add(new ProductRow(
                        id,
                        title == null ? id : title,
                        category == null || category.isEmpty() ? null : category,
                        price,
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getBoolean(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read products of " + warehouse.root() + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
