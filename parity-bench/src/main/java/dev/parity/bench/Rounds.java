package dev.parity.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several loaders measured in rounds, each round running every loader once in turn, so that a busy
 * moment of a shared machine falls on all of them alike rather than on one. Reports medians.
 */
final class Rounds {

    private final Map<String, Load> loads = new LinkedHashMap<>();
    private final Map<String, List<LoadRun>> runs = new LinkedHashMap<>();

    /** Adds a loader under {@code name}, as it appears in the output. */
    Rounds add(String name, Load load) {
        loads.put(name, load);
        runs.put(name, new ArrayList<>());
        return this;
    }

    Rounds run(int rounds) throws Exception {
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Load> load : loads.entrySet()) {
                System.out.printf("Round %d of %d: %s ...%n", round, rounds, load.getKey());
                runs.get(load.getKey()).add(load.getValue().run());
            }
        }
        return this;
    }

    List<LoadRun> runsOf(String name) {
        return runs.get(name);
    }

    /** The median run of {@code name}: median seconds, highest peak memory. */
    LoadRun median(String name) {
        return LoadRun.median(runs.get(name));
    }

    /** One measured load. */
    interface Load {
        LoadRun run() throws Exception;
    }
}
