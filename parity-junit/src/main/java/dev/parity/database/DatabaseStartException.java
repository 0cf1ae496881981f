package dev.parity.database;

import dev.parity.config.Problem;
import org.apiguardian.api.API;

/** A database that could not be started or prepared. Anything already started has been stopped. */
@API(status = API.Status.INTERNAL, since = "0.1")
public class DatabaseStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem of the profile that only Docker or the server could find: "where: what. fix", as configuration errors read. */
    public DatabaseStartException(Problem problem, Throwable cause) {
        super(problem.where() + ": " + problem.describe(), cause);
    }
}
