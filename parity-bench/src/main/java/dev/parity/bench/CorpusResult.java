package dev.parity.bench;

import java.util.List;
import java.util.Optional;

/**
 * What one corpus target did: one row of the table.
 *
 * @param target   the schema file, engine and image
 * @param filled   tables of the rows line that hold at least the rows asked for after the load
 * @param asked    tables in the rows line
 * @param parents  tables Parity filled because a table of the rows line needed them
 * @param rows     rows Parity loaded, parents included; 0 if the load failed
 * @param seconds  Parity's load (planning, writing, indexes and foreign keys rebuilt, ANALYZE); NaN if it did not run
 * @param baseline the server's own load of the same rows, if it ran
 * @param baselineNote why there is no baseline (skipped, not measured after a failed load, its own failure); empty if there is one
 * @param problem  what stopped it, if anything did
 * @param notes    what else the run said (start and init times, parents followed, tables short of rows)
 */
record CorpusResult(
        CorpusTarget target,
        int filled,
        int asked,
        int parents,
        long rows,
        double seconds,
        Optional<ServerBulkLoad.Result> baseline,
        String baselineNote,
        Optional<FirstProblem> problem,
        List<String> notes) {

    CorpusResult {
        notes = List.copyOf(notes);
    }

    /** Whether every table of the rows line was filled and Parity reported no problem (the baseline does not count). */
    boolean succeeded() {
        return filled == asked && problem.isEmpty();
    }

    double rowsPerSecond() {
        return rows / Math.max(1e-9, seconds);
    }
}
