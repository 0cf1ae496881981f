package dev.parity.engine.support;

import org.apiguardian.api.API;

/** Rewrites {@code jdbc:<engine>://host:port/database?parameters} URLs, as both engines' drivers write them. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JdbcUrls {

    private JdbcUrls() {}

    /** The URL with another database. */
    public static String withDatabase(String url, String database) {
        int hostStart = hostStart(url);
        int slash = databaseSlash(url, hostStart);
        int query = url.indexOf('?', hostStart);
        String server = url.substring(0, slash >= 0 ? slash : query >= 0 ? query : url.length());
        String parameters = query >= 0 ? url.substring(query) : "";
        return server + "/" + database + parameters;
    }

    /** The URL with another host and port, e.g. a proxy's. */
    public static String withHostAndPort(String url, String host, int port) {
        int hostStart = hostStart(url);
        int end = hostStart;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        return url.substring(0, hostStart) + host + ":" + port + url.substring(end);
    }

    /** The database the URL names. */
    public static String database(String url) {
        int hostStart = hostStart(url);
        int slash = databaseSlash(url, hostStart);
        if (slash < 0) {
            return "";
        }
        int query = url.indexOf('?', slash);
        return url.substring(slash + 1, query >= 0 ? query : url.length());
    }

    /** The slash before the database, or -1: one in the parameters ({@code ?sslrootcert=/etc/ca.pem}) is none. */
    private static int databaseSlash(String url, int hostStart) {
        int slash = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        return query >= 0 && slash > query ? -1 : slash;
    }

    private static int hostStart(String url) {
        int at = url.indexOf("://");
        if (!url.startsWith("jdbc:") || at < 0) {
            throw new IllegalArgumentException(
                    "not a jdbc:<engine>://host:port/database URL: " + url);
        }
        return at + 3;
    }
}
