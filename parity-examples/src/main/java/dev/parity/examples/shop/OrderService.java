package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Places orders (stock reserved in the same transaction) and reads them back. */
public class OrderService {

    private final Jdbc jdbc;
    private final Clock clock;

    public OrderService(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** @param clock when orders are placed */
    public OrderService(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /**
     * Places an order for {@code quantities} (product id to quantity) at today's prices, reserving stock.
     *
     * @throws ShopException if a product is unknown or has too little stock; nothing is changed then
     */
    public Order place(long customerId, Map<Long, Integer> quantities) {
        if (quantities.isEmpty()) {
            throw new ShopException("an order needs at least one product");
        }
        return jdbc.inTransaction(
                connection -> {
                    long orderId;
                    try (PreparedStatement insert =
                            connection.prepareStatement(
                                    "insert into orders (customer_id, placed_at) values (?, ?) returning id")) {
                        insert.setLong(1, customerId);
                        insert.setTimestamp(2, Timestamp.from(clock.instant()));
                        try (ResultSet key = insert.executeQuery()) {
                            key.next();
                            orderId = key.getLong(1);
                        }
                    }
                    Dialect dialect = Dialect.of(connection);
                    // Lock products in id order so concurrent orders cannot deadlock on each other.
                    for (Map.Entry<Long, Integer> line : new TreeMap<>(quantities).entrySet()) {
                        long productId = line.getKey();
                        int quantity = line.getValue();
                        BigDecimal price =
                                dialect.reserve(connection, productId, quantity)
                                        .orElseThrow(
                                                () ->
                                                        new ShopException(
                                                                "product "
                                                                        + productId
                                                                        + " is unknown or has fewer than "
                                                                        + quantity
                                                                        + " in stock"));
                        try (PreparedStatement item =
                                connection.prepareStatement(
                                        "insert into order_items (order_id, product_id, quantity, unit_price) values (?, ?, ?, ?)")) {
                            item.setLong(1, orderId);
                            item.setLong(2, productId);
                            item.setInt(3, quantity);
                            item.setBigDecimal(4, price);
                            item.executeUpdate();
                        }
                    }
                    return read(connection, orderId);
                });
    }

    public List<Order> ordersOf(long customerId) {
        return jdbc.query(
                connection -> {
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select id from orders where customer_id = ? order by placed_at, id")) {
                        select.setLong(1, customerId);
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                ids.add(rows.getLong(1));
                            }
                        }
                    }
                    List<Order> orders = new ArrayList<>();
                    for (long id : ids) {
                        orders.add(read(connection, id));
                    }
                    return orders;
                });
    }

    private static Order read(Connection connection, long orderId) throws SQLException {
        List<OrderLine> lines = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select product_id, quantity, unit_price from order_items where order_id = ? order by product_id")) {
            select.setLong(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(
                            new OrderLine(rows.getLong(1), rows.getInt(2), rows.getBigDecimal(3)));
                }
            }
        }
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select customer_id, status, placed_at from orders where id = ?")) {
            select.setLong(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Order(
                        orderId,
                        row.getLong(1),
                        row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        List.copyOf(lines));
            }
        }
    }
}
