package dev.parity.profile;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A profile file that cannot be used. The message names the file and line of each problem, what is
 * wrong, and how to fix it; all problems found in one pass are reported together.
 */
@API(status = API.Status.INTERNAL)
public class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ProfileException(List<Problem> problems) {
        this(problems, null);
    }

    public ProfileException(List<Problem> problems, Throwable cause) {
        super(format(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public ProfileException(Problem problem) {
        this(List.of(problem));
    }

    public ProfileException(Problem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            Problem only = problems.get(0);
            return only.where() + ": " + only.describe();
        }
        String file = problems.get(0).where().file();
        return file + " has " + problems.size() + " problems:" + problems.stream()
                .sorted(java.util.Comparator.comparingInt(p -> p.where().line()))
                .map(p -> "\n  - " + (p.where().line() > 0 ? "line " + p.where().line() + ": " : "") + p.describe())
                .collect(Collectors.joining());
    }
}
