package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** The catalogue, over plain JDBC. */
public class ProductRepository {

    private final Jdbc jdbc;

    public ProductRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Product create(String sku, String name, BigDecimal price, int stock) {
        return jdbc.query(
                connection -> {
                    try (PreparedStatement insert =
                            connection.prepareStatement(
                                    "insert into products (sku, name, price, stock) values (?, ?, ?, ?) returning id")) {
                        insert.setString(1, sku);
                        insert.setString(2, name);
                        insert.setBigDecimal(3, price);
                        insert.setInt(4, stock);
                        try (ResultSet key = insert.executeQuery()) {
                            key.next();
                            return new Product(key.getLong(1), sku, name, price, stock);
                        }
                    }
                });
    }

    public Optional<Product> findBySku(String sku) {
        return jdbc.query(
                connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select id, sku, name, price, stock from products where sku = ?")) {
                        select.setString(1, sku);
                        try (ResultSet row = select.executeQuery()) {
                            return row.next()
                                    ? Optional.of(
                                            new Product(
                                                    row.getLong(1),
                                                    row.getString(2),
                                                    row.getString(3),
                                                    row.getBigDecimal(4),
                                                    row.getInt(5)))
                                    : Optional.empty();
                        }
                    }
                });
    }
}
