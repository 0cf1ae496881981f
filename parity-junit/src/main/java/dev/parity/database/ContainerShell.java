package dev.parity.database;

import dev.parity.engine.ServerShell;
import dev.parity.engine.support.ContainerCommands;
import org.testcontainers.containers.Container;

/** A server's {@link ServerShell}: commands in its container, bounded by {@link ContainerCommands}. */
final class ContainerShell {

    private ContainerShell() {}

    static ServerShell of(Container<?> container) {
        return (bound, what, command) -> {
            Container.ExecResult result = ContainerCommands.run(container, bound, what, command);
            return new ServerShell.Result(result.getExitCode(), result.getStderr());
        };
    }
}
