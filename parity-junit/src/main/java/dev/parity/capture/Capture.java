package dev.parity.capture;

import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.engine.schema.TableInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * The capture command: a profile from production's catalog, no rows copied.
 *
 * <pre>{@code
 * export PARITY_CAPTURE_PASSWORD=...
 * java -cp <parity-junit and its dependencies> dev.parity.capture.Capture \
 *     --url jdbc:postgresql://replica:5432/shop --user parity_capture --password-env PARITY_CAPTURE_PASSWORD \
 *     --scale 0.01 --profile prod --extends default --out src/test/resources/parity-prod.yml
 * }</pre>
 *
 * It connects read-only, reads the server's version, encoding, collation and the settings someone set, and
 * each table's estimated rows and column statistics (PostgreSQL's {@code pg_class} and {@code pg_stats},
 * MariaDB's {@code information_schema} and {@code mysql.column_stats}), and writes one profile: the settings as
 * {@code database.settings} and {@code expect:}, one dataset per table with a {@code stats:} rule per column.
 * It queries no table's rows. Values of text columns (and of columns named like personal data) are withheld
 * unless {@code --allow-values table.column} names them. It prints what it wrote, and exits 0; 2 for a mistake
 * on the command line, 1 when the server cannot be read or the file written. {@code --help} prints the options.
 * The command line is what Parity promises; the class is internal, called by {@link #main} and by tests.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Capture {

    private Capture() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * The command, without exiting: what {@link #main} runs.
     *
     * @param environment where {@code --password-env} is looked up
     * @return the exit code: 0 written, 1 the server or the file failed, 2 a mistake on the command line
     */
    public static int run(
            String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(CaptureOptions.USAGE);
            return 0;
        }
        CaptureOptions options;
        try {
            options = CaptureOptions.parse(args, environment);
        } catch (CaptureOptions.UsageException e) {
            err.println("Parity capture: " + e.getMessage());
            return 2;
        }
        Optional<Engine> engine =
                Engines.ids().stream()
                        .map(id -> Engines.byId(id).orElseThrow())
                        .filter(e -> e.statistics().speaks(options.url()))
                        .findFirst();
        if (engine.isEmpty()) {
            err.println(
                    "Parity capture: no engine of Parity speaks '"
                            + options.shownUrl()
                            + "'. Give a jdbc:postgresql:// or jdbc:mariadb:// URL.");
            return 2;
        }
        CapturedProfile profile;
        try (Connection connection = connect(options)) {
            Map<String, TableInfo> schema = engine.get().schema().read(connection);
            List<String> unknown = CatalogCapture.unknownAllowed(schema, options.allowValues());
            if (!unknown.isEmpty()) {
                err.println(
                        "Parity capture: --allow-values names "
                                + String.join(", ", unknown)
                                + ", which is no column of "
                                + options.shownUrl()
                                + ". Name columns as table.column, e.g. --allow-values orders.status; nothing was written.");
                return 2;
            }
            profile = CatalogCapture.read(engine.get(), connection, options);
        } catch (SQLException e) {
            err.println(
                    "Parity capture: reading "
                            + options.shownUrl()
                            + " failed: "
                            + e.getMessage()
                            + " The user needs to read the catalog (and, on MariaDB, mysql.column_stats); nothing was written.");
            return 1;
        }
        try {
            if (options.out().getParent() != null) {
                Files.createDirectories(options.out().getParent());
            }
            Files.writeString(options.out(), ProfileWriter.write(profile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Parity capture: could not write " + options.out() + ": " + e.getMessage());
            return 1;
        }
        Summary.print(profile, options.out(), out);
        return 0;
    }

    /** Read-only: the session cannot write, whatever the user may. */
    private static Connection connect(CaptureOptions options) throws SQLException {
        Properties properties = new Properties();
        if (options.user() != null) {
            properties.setProperty("user", options.user());
        }
        if (!options.password().isEmpty()) {
            properties.setProperty("password", options.password());
        }
        Connection connection = DriverManager.getConnection(options.url(), properties);
        try {
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
