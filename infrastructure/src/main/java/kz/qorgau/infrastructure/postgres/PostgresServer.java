package kz.qorgau.infrastructure.postgres;

import java.util.Objects;
import kz.qorgau.infrastructure.Source;

/**
 * A PostgreSQL server and an admin login to it (a user that may create roles and databases).
 *
 * @param adminJdbcUrl JDBC URL of an admin connection, for example {@code
 *     jdbc:postgresql://127.0.0.1:5432/postgres}
 */
public record PostgresServer(
        String host, int port, String adminJdbcUrl, String adminUser, String adminPassword, Source source) {

    private static final String PREFIX = "jdbc:postgresql://";

    public PostgresServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(adminJdbcUrl, "adminJdbcUrl");
        Objects.requireNonNull(adminUser, "adminUser");
        Objects.requireNonNull(source, "source");
        adminPassword = adminPassword == null ? "" : adminPassword;
        if (!adminJdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (jdbc:postgresql://...): " + adminJdbcUrl);
        }
    }

    /**
     * The admin URL with its database replaced by {@code database}; the host part and any parameters (for
     * example {@code ?sslmode=require}) stay as they are.
     */
    public String jdbcUrl(String database) {
        DatabaseNames.requireValid(database);
        String rest = adminJdbcUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String parameters = query >= 0 ? rest.substring(query) : "";
        String beforeQuery = query >= 0 ? rest.substring(0, query) : rest;
        int slash = beforeQuery.indexOf('/');
        String hosts = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
        return PREFIX + hosts + "/" + database + parameters;
    }

    /** Parses host and port (the first host, default port 5432) from a {@code jdbc:postgresql://} URL. */
    static PostgresServer fromJdbcUrl(String adminJdbcUrl, String user, String password, Source source) {
        if (adminJdbcUrl == null || !adminJdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + adminJdbcUrl);
        }
        String rest = adminJdbcUrl.substring(PREFIX.length());
        int end = rest.length();
        for (char stop : new char[] {'/', '?', ','}) {
            int at = rest.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String hostPort = rest.substring(0, end);
        String host = hostPort;
        int port = 5432;
        if (hostPort.startsWith("[")) { // IPv6 literal: [::1]:5432
            int close = hostPort.indexOf(']');
            host = hostPort.substring(1, close);
            if (close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':') {
                port = parsePort(hostPort.substring(close + 2), adminJdbcUrl);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                port = parsePort(hostPort.substring(colon + 1), adminJdbcUrl);
            }
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        return new PostgresServer(host, port, adminJdbcUrl, user, password, source);
    }

    private static int parsePort(String text, String url) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad port in PostgreSQL JDBC URL: " + url, e);
        }
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "PostgresServer[" + host + ":" + port + ", " + adminJdbcUrl + ", user " + adminUser + ", " + source
                + "]";
    }
}
