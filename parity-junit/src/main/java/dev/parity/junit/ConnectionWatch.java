package dev.parity.junit;

import dev.parity.report.RunLog;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The connections a test (or a class) opened through the {@link DataSource} Parity gave it. What is still open
 * when the test ends is closed, and the test named in a warning: a leak that a shared database would carry
 * into every later class until its connection slots run out (production's "too many connections").
 * The store of the test or class closes it, so nothing stays open even if the check is never reached.
 */
final class ConnectionWatch implements AutoCloseable {

    /** Above this, closed connections are forgotten before another is remembered: a class may open thousands. */
    private static final int PRUNE_ABOVE = 64;

    private final String owner;
    private final List<Connection> opened = new ArrayList<>();

    private ConnectionWatch(String owner) {
        this.owner = owner;
    }

    /** The watch of {@code context} (a test's or a class's), started if need be. */
    static ConnectionWatch of(ExtensionContext context, ExtensionContext.Namespace namespace) {
        return context.getStore(namespace)
                .getOrComputeIfAbsent(
                        new Key(context.getUniqueId()),
                        key -> new ConnectionWatch(ownerOf(context)),
                        ConnectionWatch.class);
    }

    /** The watch of {@code context} itself, not of a context around it, if it has one: reports what it left open. */
    static void closeLeftOpen(ExtensionContext context, ExtensionContext.Namespace namespace) {
        ConnectionWatch watch =
                context.getStore(namespace)
                        .get(new Key(context.getUniqueId()), ConnectionWatch.class);
        if (watch != null) {
            watch.closeLeftOpen(context);
        }
    }

    /** Per context: a store sees its parents' values, and a test's watch must not be its class's. */
    private record Key(String uniqueId) {}

    private static String ownerOf(ExtensionContext context) {
        String testClass = context.getTestClass().map(Class::getName).orElse("?");
        return context.getTestMethod()
                .map(method -> "test " + testClass + "." + context.getDisplayName())
                .orElse("class " + testClass);
    }

    /** {@code dataSource}, remembering every connection it opens. */
    DataSource watching(DataSource dataSource) {
        return new Watched(dataSource);
    }

    /** Closes what was opened and not closed, and says so once, naming the owner. */
    private void closeLeftOpen(ExtensionContext context) {
        int left = closeLeftOpen();
        if (left > 0) {
            context.publishReportEntry("parity.connectionsLeftOpen", String.valueOf(left));
            RunLog.connectionsLeftOpen(owner, left);
        }
    }

    private synchronized int closeLeftOpen() {
        int left = 0;
        for (Connection connection : opened) {
            try {
                if (!connection.isClosed()) {
                    left++;
                    connection.close();
                }
            } catch (SQLException e) {
                // a connection that cannot even be closed is gone with its socket
            }
        }
        opened.clear();
        return left;
    }

    private synchronized void remember(Connection connection) {
        if (opened.size() > PRUNE_ABOVE) {
            opened.removeIf(ConnectionWatch::isClosed);
        }
        opened.add(connection);
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() {
        int left = closeLeftOpen();
        if (left > 0) {
            RunLog.connectionsLeftOpen(owner, left);
        }
    }

    /** Hands out the connections of the data source it watches, remembering each. */
    private final class Watched implements DataSource {

        private final DataSource watched;

        Watched(DataSource watched) {
            this.watched = watched;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = watched.getConnection();
            remember(connection);
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Connection connection = watched.getConnection(username, password);
            remember(connection);
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return watched.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            watched.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            watched.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return watched.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return watched.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : watched.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || watched.isWrapperFor(type);
        }

        @Override
        public String toString() {
            return watched.toString();
        }
    }
}
