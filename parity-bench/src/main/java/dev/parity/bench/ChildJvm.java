package dev.parity.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the measured side of a load benchmark in a JVM of its own, so that its memory is its own: the
 * same classpath, a given heap limit, the serial collector, and {@code -Dbench.jvmArgs="..."} (e.g. a
 * profiler). Its output is echoed indented; its {@link LoadRun#PREFIX RESULT} line is the run.
 */
final class ChildJvm {

    private ChildJvm() {}

    static LoadRun run(Class<?> main, String heap, List<String> args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                System.getProperty("java.home")
                                        + File.separator
                                        + "bin"
                                        + File.separator
                                        + "java",
                                "-Xmx" + heap,
                                "-XX:+UseSerialGC"));
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        LoadRun run = null;
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(LoadRun.PREFIX)) {
                    run = LoadRun.parse(line);
                } else {
                    System.out.println("  | " + line);
                }
            }
        }
        if (process.waitFor() != 0 || run == null) {
            throw new IllegalStateException(
                    main.getSimpleName() + " failed with exit code " + process.exitValue());
        }
        return run;
    }
}
