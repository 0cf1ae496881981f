package dev.parity.database;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.settings.Settings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * An image (a database's, Toxiproxy's), looked for on this machine before anything starts, and pulled for a bounded time
 * if it is not there. Testcontainers' own pull retries for minutes where no registry answers (7 minutes
 * were measured for a misspelt tag); a profile's missing image should fail in the time the user allowed.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LocalImages {

    /** What a shell takes unquoted, and Docker's references always are: a-z, digits, '.', '_', '-', '/', ':', '@'. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/:@-]+");

    private LocalImages() {}

    /**
     * Returns when {@code spec}'s image is on this machine, pulling it first if need be.
     *
     * @param imageAt where the profile wrote the image
     * @throws DatabaseStartException naming the image, that it is not here, and how to get it
     */
    public static void require(DatabaseSpec spec, Location imageAt) {
        require(
                spec.image(),
                imageAt,
                spec.engine().defaultImage(),
                "correct the image in the profile");
    }

    /**
     * Returns when {@code image} is on this machine, pulling it first if need be.
     *
     * @param imageAt   where the profile wrote the image (or would have)
     * @param example   a valid reference to suggest if {@code image} is not one
     * @param otherwise what else the user can do than pull it
     * @throws DatabaseStartException naming the image, that it is not here, and how to get it
     */
    public static void require(String image, Location imageAt, String example, String otherwise) {
        DockerImageName name;
        try {
            name = DockerImageName.parse(image);
            name.assertValid();
        } catch (IllegalArgumentException e) {
            throw new DatabaseStartException(
                    new Problem(
                            imageAt,
                            "image '"
                                    + image
                                    + "' is not a valid image reference ("
                                    + e.getMessage()
                                    + ")",
                            "Write it as Docker does, repository:tag, for example "
                                    + example
                                    + "."),
                    e);
        }
        DockerClient client = DockerClientFactory.instance().client();
        if (isLocal(client, image)) {
            return;
        }
        Duration timeout = pullTimeout();
        String failure = pull(client, image, name, timeout);
        if (failure != null) {
            throw new DatabaseStartException(
                    new Problem(
                            imageAt,
                            "image '" + image + "' is not on this machine, and " + failure,
                            "Get it with: docker pull "
                                    + shellQuoted(image)
                                    + " (where a registry holding it is reachable), "
                                    + "or "
                                    + otherwise
                                    + "; "
                                    + Settings.PULL_TIMEOUT.name()
                                    + "=<seconds> sets how long Parity tries to pull."),
                    null);
        }
    }

    private static boolean isLocal(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Null when pulled, else why not. */
    private static String pull(
            DockerClient client, String image, DockerImageName name, Duration timeout) {
        // a digest travels in the reference itself; a tag (latest if none) beside it
        ResultCallback.Adapter<PullResponseItem> pulling =
                (image.contains("@")
                                ? client.pullImageCmd(image)
                                : client.pullImageCmd(name.getUnversionedPart())
                                        .withTag(name.getVersionPart()))
                        .exec(new ResultCallback.Adapter<>());
        try {
            if (pulling.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return isLocal(client, image) ? null : "pulling it did not bring it here";
            }
            return "pulling it did not finish within "
                    + timeout.toSeconds()
                    + " s (no registry that has it could be reached)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "pulling it was interrupted";
        } catch (RuntimeException e) {
            return "pulling it failed: " + e.getMessage();
        } finally {
            try {
                pulling.close(); // ends the request, and with it the daemon's pull
            } catch (java.io.IOException | RuntimeException ignored) {
                // already reported what matters
            }
        }
    }

    /** {@code parity.pull.timeout} ({@link Settings#PULL_TIMEOUT}), 0 or more seconds (0: give up at once), or its default. */
    public static Duration pullTimeout() {
        return Settings.PULL_TIMEOUT.getFromSystemProperties();
    }

    /** As a POSIX shell reads it back: references are plain, anything else in single quotes. */
    static String shellQuoted(String reference) {
        return SHELL_SAFE.matcher(reference).matches()
                ? reference
                : DatabaseCopies.shellQuoted(reference);
    }
}
