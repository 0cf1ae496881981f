package dev.parity.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a user wrote cannot be used. The message gives, for each problem, where it was written, what is
 * wrong and how to fix it; all problems found in one pass are reported together, ordered by line.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ProblemException(List<Problem> problems) {
        this(problems, null);
    }

    public ProblemException(List<Problem> problems, Throwable cause) {
        super(format(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public ProblemException(Problem problem) {
        this(List.of(problem));
    }

    public ProblemException(Problem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem: "where: what. fix". Several in one file: "file has n problems:" and a line each.
     * Several in different places: "n problems:" and each with its place.
     */
    static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            Problem only = problems.get(0);
            return only.where() + ": " + only.describe();
        }
        String file = problems.get(0).where().file();
        boolean oneFile =
                problems.stream()
                        .allMatch(p -> p.where().file().equals(file) && p.where().line() > 0);
        List<Problem> ordered =
                problems.stream()
                        .sorted(
                                Comparator.comparing((Problem p) -> p.where().file())
                                        .thenComparingInt(p -> p.where().line()))
                        .toList();
        if (oneFile) {
            return file
                    + " has "
                    + problems.size()
                    + " problems:"
                    + ordered.stream()
                            .map(p -> "\n  - line " + p.where().line() + ": " + p.describe())
                            .collect(Collectors.joining());
        }
        return problems.size()
                + " problems:"
                + ordered.stream()
                        .map(p -> "\n  - " + p.where() + ": " + p.describe())
                        .collect(Collectors.joining());
    }
}
