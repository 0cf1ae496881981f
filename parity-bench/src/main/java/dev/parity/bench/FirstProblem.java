package dev.parity.bench;

import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What stopped a corpus entry, as the table shows it: the stage it failed in and the first problem's first
 * line (of several problems, the one on the lowest line), and the whole message with its causes for below
 * the table.
 *
 * @param stage     {@code profile} (Parity read the generated profile), {@code start} (container or init
 *                  script), {@code load} (planning, or the database rejecting the rows), {@code baseline},
 *                  {@code timeout}
 * @param firstLine the first problem's first line
 * @param full      everything Parity said, causes included
 */
record FirstProblem(String stage, String firstLine, String full) {

    static FirstProblem of(String stage, Throwable failure) {
        String first;
        if (failure instanceof ProblemException problems && !problems.problems().isEmpty()) {
            Problem lowest =
                    problems.problems().stream()
                            .min(Comparator.comparingInt(p -> p.where().line()))
                            .orElseThrow();
            first = lowest.where() + ": " + lowest.describe();
            if (problems.problems().size() > 1) {
                first += " (and " + (problems.problems().size() - 1) + " more)";
            }
        } else {
            first = message(failure);
        }
        return new FirstProblem(stage, firstLine(first), full(failure));
    }

    /** The cell: the stage, then the first line, cut at {@code width} characters. */
    String cell(int width) {
        String text = stage + ": " + firstLine;
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** The message, then each cause's that says something new. */
    private static String full(Throwable failure) {
        Set<String> said = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = message(t);
            if (said.stream().noneMatch(s -> s.contains(message))) {
                said.add(
                        said.isEmpty()
                                ? message
                                : "caused by " + t.getClass().getSimpleName() + ": " + message);
            }
        }
        return String.join("\n", said);
    }

    private static String message(Throwable t) {
        return t.getMessage() != null && !t.getMessage().isBlank()
                ? t.getMessage()
                : t.getClass().getName();
    }
}
