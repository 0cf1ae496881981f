package dev.parity.engine.postgres;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.ClientScripts;
import dev.parity.engine.ScriptFailedException;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.sql.ClientCommand;
import dev.parity.engine.support.ContainerCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;

/**
 * Scripts for psql, run by the psql of the database's own image: the script's directory is copied into
 * the container and psql runs the script from there, as {@code psql -f} would on a developer's machine
 * ({@code \i}, {@code \copy} and {@code \ir} find the files beside it). Its failures are reported as the
 * JDBC path reports them.
 */
final class PsqlScripts implements ClientScripts {

    /** psql reads these from files beside the script, which a script in a jar does not have. */
    private static final Set<String> READ_FILES =
            Set.of("\\i", "\\ir", "\\include", "\\include_relative", "\\copy");

    private static final String COMMAND =
            "cd \"$1\" && exec psql -v ON_ERROR_STOP=1 -X -q -b -o /dev/null -U \"$2\" -d \"$3\" -f \"$4\"";
    private static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * How long a script in psql may run: far beyond any init script's load, and bounded, so one that never ends (its
     * lock waits end sooner, by parity.lockWait) fails the class instead of holding the run.
     */
    private static final Duration SCRIPT_BOUND = Duration.ofMinutes(30);

    @Override
    public List<ClientCommand> commandsIn(String script) {
        return PsqlCommands.find(script);
    }

    @Override
    public void check(
            String name,
            URL source,
            List<ClientCommand> commands,
            Location at,
            List<Problem> problems) {
        if (directoryOf(source).isPresent()) {
            return;
        }
        commands.stream()
                .filter(command -> READ_FILES.contains(command.name()))
                .findFirst()
                .ifPresent(
                        command ->
                                problems.add(
                                        new Problem(
                                                at,
                                                "init script '"
                                                        + name
                                                        + "' reads files beside it ("
                                                        + command.name()
                                                        + " on its line "
                                                        + command.line()
                                                        + "), but it is in "
                                                        + source.getProtocol()
                                                        + " "
                                                        + source.getPath().replaceFirst("!.*", "")
                                                        + ", where psql cannot reach them",
                                                "Keep the script and its files in a directory of the test classpath (src/test/resources), or put their content in the script.")));
    }

    @Override
    public void run(String name, URL source, JdbcDatabaseContainer<?> container, DatabaseSpec spec)
            throws ScriptFailedException {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        String classpathDir =
                resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
        String fileName = resource.substring(classpathDir.length());
        String containerDir = "/tmp/parity-init/" + RUNS.incrementAndGet() + "/";
        Optional<Path> hostDir = directoryOf(source);
        try {
            if (hostDir.isPresent()) {
                container.copyFileToContainer(
                        MountableFile.forHostPath(hostDir.get()), containerDir);
            } else {
                container.copyFileToContainer(
                        Transferable.of(read(source)), containerDir + fileName);
            }
            Container.ExecResult result =
                    ContainerCommands.run(
                            container,
                            SCRIPT_BOUND,
                            "the init script " + name + " in psql",
                            "sh",
                            "-c",
                            COMMAND,
                            "sh",
                            containerDir,
                            spec.engine().adminUser(spec),
                            spec.name(),
                            containerDir + fileName);
            ContainerCommands.run(
                    container,
                    ContainerCommands.SHORT,
                    "removing the script's copy",
                    "rm",
                    "-rf",
                    containerDir);
            if (result.getExitCode() != 0) {
                throw PsqlErrors.parse(
                        result.getStderr(),
                        containerDir,
                        classpathDir,
                        name,
                        (file, line) ->
                                hostDir.map(
                                                dir ->
                                                        sourceLine(
                                                                dir,
                                                                file.substring(
                                                                        classpathDir.length()),
                                                                line))
                                        .orElse(null));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ScriptFailedException(
                    name,
                    0,
                    "could not run psql in the " + spec.image() + " container: " + e.getMessage(),
                    null,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptFailedException(name, 0, "interrupted while psql ran it", null, e);
        }
    }

    /** The directory a script on the file system is in; none for one in a jar. */
    private static Optional<Path> directoryOf(URL source) {
        if (!"file".equals(source.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.toURI()).getParent());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(URL source) throws IOException {
        try (InputStream in = source.openStream()) {
            return in.readAllBytes();
        }
    }

    /** A line of a file beside the script, for psql's own errors, which quote nothing. */
    private static String sourceLine(Path dir, String relative, int line) {
        try {
            Path file = dir.resolve(relative);
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
