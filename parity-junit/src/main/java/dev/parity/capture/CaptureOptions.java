package dev.parity.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The capture command's arguments, checked.
 *
 * @param url          the JDBC URL of production's replica, without credentials
 * @param user         the user to connect as: one that may read the catalog (and, on PostgreSQL, the tables' pg_stats)
 * @param password     read from the environment variable {@code --password-env} names; empty without one
 * @param scale        production's row counts are multiplied by it
 * @param profile      the name of the profile written
 * @param extendsName  a profile of the user's file the captured one extends (it has the schema), or empty
 * @param out          the file written
 * @param allowValues  {@code table.column}s whose values may be written
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CaptureOptions(
        String url,
        String user,
        String password,
        double scale,
        String profile,
        Optional<String> extendsName,
        Path out,
        List<String> allowValues) {

    static final String USAGE =
            """
            usage: java -cp <parity-junit and its dependencies> dev.parity.capture.Capture --url <jdbc url> --user <user> [options]
              --url URL             production's replica, e.g. jdbc:postgresql://replica:5432/shop or jdbc:mariadb://replica:3306/shop
              --user USER           a read-only user that may read the catalog (required, here or as the URL's user=)
              --password-env VAR    the environment variable holding the password (never a password on the command line)
              --scale FACTOR        production's row counts times this, e.g. 0.01 (default 1)
              --profile NAME        the profile written (default prod)
              --extends NAME        the captured profile extends this one of your parity.yml (the one with the schema)
              --out FILE            where to write it (default parity-<profile>.yml)
              --allow-values T.C,.. write these columns' most common values and histograms (default: none of text columns)
            """;

    /** A mistake on the command line: what is wrong and how to fix it. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static CaptureOptions parse(String[] args, Map<String, String> environment)
            throws UsageException {
        String url = null;
        String user = null;
        String passwordVariable = null;
        double scale = 1;
        String profile = "prod";
        String extendsName = null;
        String out = null;
        List<String> allow = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--password")) {
                throw new UsageException(
                        "--password would put the password in the shell's history and the process list. "
                                + "Put it in an environment variable and name it: --password-env PARITY_CAPTURE_PASSWORD");
            }
            if (!List.of(
                            "--url",
                            "--user",
                            "--password-env",
                            "--scale",
                            "--profile",
                            "--extends",
                            "--out",
                            "--allow-values")
                    .contains(arg)) {
                throw new UsageException("unknown argument '" + arg + "'.\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(arg + " needs a value.\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password-env" -> passwordVariable = value;
                case "--scale" -> scale = scale(value);
                case "--profile" -> profile = value;
                case "--extends" -> extendsName = value;
                case "--out" -> out = value;
                default -> {
                    for (String column : value.split(",")) {
                        if (!column.isBlank()) {
                            allow.add(column.strip());
                        }
                    }
                }
            }
        }
        if (url == null) {
            throw new UsageException("no --url given.\n" + USAGE);
        }
        if (!url.startsWith("jdbc:")) {
            throw new UsageException(
                    "--url '"
                            + url
                            + "' is not a JDBC URL. Write it as jdbc:postgresql://host:5432/database or jdbc:mariadb://host:3306/database");
        }
        if (user == null && !urlNamesUser(url)) {
            throw new UsageException(
                    "the URL names no user, and no --user is given: Parity will not connect as whoever the driver picks. "
                            + "Give --user with a read-only user that may read the catalog, e.g. --user parity_capture");
        }
        String password = "";
        if (passwordVariable != null) {
            password = environment.get(passwordVariable);
            if (password == null) {
                throw new UsageException(
                        "--password-env names "
                                + passwordVariable
                                + ", which is not set. Export it first: export "
                                + passwordVariable
                                + "=...");
            }
        }
        if (!profile.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new UsageException(
                    "--profile '"
                            + profile
                            + "' is not a profile name. Use letters, digits, '-', '_' and '.', e.g. --profile prod");
        }
        for (String column : allow) {
            if (!column.contains(".")) {
                throw new UsageException(
                        "--allow-values names '"
                                + column
                                + "', not table.column. Write it as, e.g., --allow-values orders.status");
            }
        }
        return new CaptureOptions(
                url,
                user,
                password,
                scale,
                profile,
                Optional.ofNullable(extendsName),
                Path.of(out != null ? out : "parity-" + profile + ".yml"),
                List.copyOf(allow));
    }

    private static double scale(String value) throws UsageException {
        try {
            double scale = Double.parseDouble(value);
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                "--scale '"
                        + value
                        + "' is not a factor above 0. Write it as, e.g., --scale 0.01 for a hundredth of production's rows");
    }

    private static boolean urlNamesUser(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.startsWith("user=") && parameter.length() > "user=".length()) {
                    return true;
                }
            }
        }
        return url.matches("jdbc:[a-z]+://[^/@?]+@.*"); // user@host, as MariaDB's driver takes it
    }

    /** The URL as the written profile and the summary show it: without its parameters or credentials. */
    String shownUrl() {
        String shown = url.replaceAll("//[^/@?]*@", "//");
        int cut = shown.length();
        for (char c : new char[] {'?', ';'}) {
            int at = shown.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return shown.substring(0, cut);
    }
}
