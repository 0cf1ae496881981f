package dev.parity.data;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Datasets that cannot be loaded. The message says, for each problem, where the dataset was declared
 * (its {@link DatasetSpec#origin() origin}), what is wrong and how to fix it; problems found while
 * validating are reported together, before any row is written.
 */
@API(status = API.Status.INTERNAL)
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public DatasetException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public DatasetException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem as one line: "origin: what. How to fix it." */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " problems with the datasets:" + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
