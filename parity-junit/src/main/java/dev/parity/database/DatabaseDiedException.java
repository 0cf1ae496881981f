package dev.parity.database;

import org.apiguardian.api.API;

/**
 * A shared database that stopped during the run, found before another class was handed it: its container,
 * how it ended, its last words. Not a configuration error: the profile was fine when the database started.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public class DatabaseDiedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseDiedException(String message) {
        super(message);
    }

    /**
     * Says that {@code database}, which {@code profile} uses, has stopped, and why a new one is not started.
     */
    public static DatabaseDiedException of(
            RunningDatabase database, String profile, ContainerExit exit) {
        return new DatabaseDiedException(
                "the "
                        + database.engine().displayName()
                        + " database ("
                        + database.spec().image()
                        + ") of profile '"
                        + profile
                        + "' stopped during this run: "
                        + exit.describe()
                        + ". "
                        + (exit.present()
                                ? "Its last log lines:" + exit.indentedLines() + "\n"
                                : "")
                        + "Every class that uses it fails from here on; Parity does not start another, since earlier classes ran "
                        + "against this one's data and a quiet restart would hide why it stopped. Find out what stopped it (memory, "
                        + "a test that shut the server down, docker kill or docker stop from outside), then run again.");
    }
}
