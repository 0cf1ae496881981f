package dev.parity.junit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test JVM of its own (as parity-bench's ChildJvm starts one): this build's classpath, a main class and
 * its arguments. It says {@value #READY} when what it started runs, and is then killed as a build can be.
 */
public final class ChildRun implements AutoCloseable {

    /** The line a child prints once it holds what it started. */
    public static final String READY = "PARITY-CHILD-READY";

    private final Process process;

    private ChildRun(Process process) {
        this.process = process;
    }

    /** Starts {@code main} and waits for its {@link #READY} line, echoing its output indented. */
    public static ChildRun startAndAwaitReady(Class<?> main, List<String> args, long timeoutSeconds)
            throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                System.getProperty("java.home")
                                        + File.separator
                                        + "bin"
                                        + File.separator
                                        + "java",
                                "-Xmx256m",
                                "-cp",
                                System.getProperty(
                                        "surefire.test.class.path",
                                        System.getProperty("java.class.path")),
                                main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ChildRun child = new ChildRun(process);
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (String line; (line = out.readLine()) != null; ) {
            System.out.println("  | " + line);
            if (line.equals(READY)) {
                Thread drain =
                        new Thread(
                                () ->
                                        out.lines()
                                                .forEach(rest -> System.out.println("  | " + rest)),
                                "child-output");
                drain.setDaemon(true);
                drain.start();
                return child;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        child.close();
        throw new IllegalStateException(main.getSimpleName() + " never got ready");
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(); // reaped, so its pid is really gone
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
    }
}
