package dev.parity.engine.sql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Seeded random scripts assembled from statements whose extent is known, each statement made of pieces
 * that hide semicolons (quotes, comments, bodies, parentheses, {@code BEGIN ATOMIC}), joined by
 * separators (blanks, comments, empty statements). Splitting one must give back exactly its statements.
 */
final class RandomScripts {

    /** The kinds of statement and piece a script can hold, to show that a run covered all of them. */
    enum Kind {
        PLAIN,
        STRINGS,
        ESCAPE_STRINGS,
        QUOTED_IDENTIFIERS,
        DOLLAR_QUOTES,
        NESTED_DOLLAR_QUOTES,
        BLOCK_COMMENTS,
        NESTED_COMMENTS,
        LINE_COMMENTS,
        PARENTHESES,
        BEGIN_ATOMIC,
        CASE_IN_BODY,
        CREATE_OR_REPLACE,
        PROCEDURE,
        RULE,
        DOLLAR_BODY,
        TRANSACTION,
        IDENTIFIER_DOLLARS,
        NO_LAST_TERMINATOR,
        BACKTICKS,
        HASH_COMMENTS,
        EXECUTABLE_COMMENTS,
        DELIMITER,
        DASHES_WITHOUT_BLANK
    }

    /** A script and the statements it was assembled from, with their lines. */
    record Script(long seed, String text, List<SqlStatement> statements, Set<Kind> kinds) {}

    private final Random random;
    private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    private final StringBuilder text = new StringBuilder();
    private final List<SqlStatement> statements = new ArrayList<>();
    private int names;

    private RandomScripts(long seed) {
        this.random = new Random(seed);
    }

    static Script postgres(long seed) {
        RandomScripts scripts = new RandomScripts(seed);
        return scripts.assemble(
                seed,
                scripts::postgresStatement,
                null,
                List.of(
                        "\n",
                        " ",
                        "\n\n  ",
                        "-- a; comment\n",
                        "/* a; /* nested; */ comment */ ",
                        ";\n",
                        "\t"));
    }

    static Script mariadb(long seed) {
        RandomScripts scripts = new RandomScripts(seed);
        return scripts.assemble(
                seed,
                scripts::mariadbStatement,
                scripts::delimiterBlock,
                List.of(
                        "\n",
                        " ",
                        "\n\n  ",
                        "-- a; comment\n",
                        "# a; comment\n",
                        "/* a; comment */ ",
                        ";\n",
                        "--x; at a statement's start\n"));
    }

    /** @param block statements with their own terminators, or null */
    private Script assemble(
            long seed, Supplier<String> statement, Runnable block, List<String> separators) {
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            append(pick(separators));
            if (block != null && random.nextInt(6) == 0) {
                block.run();
                continue;
            }
            add(statement.get());
            if (i < count - 1 || random.nextBoolean()) {
                append(";");
            } else {
                kinds.add(Kind.NO_LAST_TERMINATOR);
                return done(seed);
            }
        }
        append(pick(separators));
        return done(seed);
    }

    private Script done(long seed) {
        return new Script(seed, text.toString(), List.copyOf(statements), Set.copyOf(kinds));
    }

    /** The splitter strips what surrounds a statement, such as the line end of a comment it ends with. */
    private void add(String sql) {
        statements.add(new SqlStatement(sql.strip(), line()));
        append(sql);
    }

    private void append(String piece) {
        text.append(piece);
    }

    private int line() {
        return 1 + (int) text.chars().filter(c -> c == '\n').count();
    }

    // PostgreSQL, as psql reads it

    private String postgresStatement() {
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> plain();
            case 3 -> atomicRoutine();
            case 4 -> rule();
            case 5 -> dollarBodyFunction();
            case 6 -> transaction();
            case 7 ->
                    "create function h"
                            + name()
                            + "(x int) returns int language sql return case when x > 0 then 1 else 0 end";
            default ->
                    "insert into t values ("
                            + pieces(1, 3, false)
                            + "), ("
                            + pieces(1, 2, false)
                            + ")";
        };
    }

    private String plain() {
        kinds.add(Kind.PLAIN);
        return "select " + pieces(1, 6, true) + (random.nextBoolean() ? " from t" : "");
    }

    /** CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC stmt; stmt; END */
    private String atomicRoutine() {
        kinds.add(Kind.BEGIN_ATOMIC);
        boolean procedure = random.nextInt(3) == 0;
        boolean replace = random.nextBoolean();
        kinds.add(procedure ? Kind.PROCEDURE : Kind.BEGIN_ATOMIC);
        if (replace) {
            kinds.add(Kind.CREATE_OR_REPLACE);
        }
        StringBuilder routine =
                new StringBuilder(random.nextBoolean() ? "create " : "CREATE ")
                        .append(replace ? "or replace " : "")
                        .append(procedure ? "procedure p" : "function f")
                        .append(name())
                        .append("(a int default (1 + 2))")
                        .append(procedure ? "" : " returns int")
                        .append(" language sql")
                        .append(random.nextBoolean() ? " immutable" : "")
                        .append("\n")
                        .append(random.nextBoolean() ? "BEGIN ATOMIC" : "begin atomic")
                        .append('\n');
        int inner = 1 + random.nextInt(3);
        for (int i = 0; i < inner; i++) {
            routine.append("  select ")
                    .append(pieces(0, 3, false))
                    .append(random.nextBoolean() ? " " + caseExpression() : " 1")
                    .append(";\n");
        }
        return routine.append(random.nextBoolean() ? "END" : "end").toString();
    }

    /** A CASE at the body's own level, maybe with one nested, which psql counts until its END. */
    private String caseExpression() {
        kinds.add(Kind.CASE_IN_BODY);
        String nested = random.nextBoolean() ? "case when a = 0 then 'zero;' end" : "'x'";
        return "case when a > 0 then 'plus;' else " + nested + " end";
    }

    private String rule() {
        kinds.add(Kind.RULE);
        int inner = 1 + random.nextInt(3);
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < inner; i++) {
            actions.add("insert into log values (" + pieces(1, 2, false) + ")");
        }
        return "create rule r"
                + name()
                + " as on insert to t do also ("
                + String.join(";\n  ", actions)
                + (random.nextBoolean() ? ";" : "")
                + ")";
    }

    private String dollarBodyFunction() {
        kinds.add(Kind.DOLLAR_BODY);
        String tag = pick(List.of("$$", "$fn$", "$outer$", "$body_1$"));
        List<String> inner =
                new ArrayList<>(
                        List.of(
                                "begin",
                                "perform 1;",
                                "raise notice 'a;b';",
                                "execute $inner$ select 1; $inner$;",
                                "return $$;$$;",
                                "x := 'q$';",
                                "end;",
                                "-- a; comment\n",
                                "/* $$ ; */"));
        inner.removeIf(piece -> piece.contains(tag));
        StringBuilder body = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            body.append(' ').append(pick(inner));
        }
        if (body.toString().contains("$inner$")) {
            kinds.add(Kind.NESTED_DOLLAR_QUOTES);
        }
        return (random.nextBoolean() ? "do " : "create function d" + name() + "() returns text as ")
                + tag
                + body
                + "\n"
                + tag
                + (random.nextBoolean() ? " language plpgsql" : "");
    }

    private String transaction() {
        kinds.add(Kind.TRANSACTION);
        return pick(
                List.of(
                        "begin",
                        "end",
                        "commit",
                        "begin transaction",
                        "start transaction",
                        "rollback"));
    }

    /** Pieces joined by blanks; in parentheses BEGIN, CASE and END count for nothing, so they may stand there. */
    private String pieces(int min, int max, boolean parentheses) {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
            out.add(parentheses && random.nextInt(6) == 0 ? parenthesized() : postgresPiece());
        }
        return String.join(" ", out);
    }

    private String parenthesized() {
        kinds.add(Kind.PARENTHESES);
        return "(" + postgresPiece() + " ; case ; begin ; " + postgresPiece() + " ; end)";
    }

    private String postgresPiece() {
        return switch (random.nextInt(11)) {
            case 0 ->
                    piece(
                            Kind.STRINGS,
                            "'a;b'",
                            "'it''s; here'",
                            "'$$;'",
                            "'/*'",
                            "'--;'",
                            "U&'d;'",
                            "B'01'",
                            "X'1F'",
                            "N'n;'",
                            "'a\\'");
            case 1 -> piece(Kind.ESCAPE_STRINGS, "E'\\'; '", "e'\\\\'", "E'a\\\\'", "E'it''s;'");
            case 2 ->
                    piece(
                            Kind.QUOTED_IDENTIFIERS,
                            "\"a;b\"",
                            "\"x\"\";\"",
                            "U&\"u;\"",
                            "\"end\"",
                            "\"begin\"");
            case 3 ->
                    piece(
                            Kind.DOLLAR_QUOTES,
                            "$$a;b$$",
                            "$q$ ; $$ ; $q$",
                            "$a$ $ab$ ; $b$ ; $a$",
                            "$x1$;$x1$");
            case 4 -> piece(Kind.BLOCK_COMMENTS, "/* ; */", "/**/", "/* * / ; */");
            case 5 -> piece(Kind.NESTED_COMMENTS, "/* /* ; */ ; */", "/* a /* b /* c; */ */ ; */");
            case 6 -> piece(Kind.LINE_COMMENTS, "-- ; comment\n", "--;\n");
            case 7 ->
                    piece(
                            Kind.IDENTIFIER_DOLLARS,
                            "a$b",
                            "x$$",
                            "a$b$",
                            "café$$",
                            "1a$$",
                            "$1",
                            "$2x$");
            case 8 -> pick(List.of("1", "1.5e3", ".5", "1e", "0x1F", "1_000", "2..3"));
            case 9 ->
                    pick(List.of("+", "*", "::int", "->>", "||", "<>", ":name", ":'v'", "-", "/"));
            default -> pick(List.of("t", "begin_at", "endx", "cases", "x", "\"T\""));
        };
    }

    // MariaDB, as its client reads it

    private String mariadbStatement() {
        return switch (random.nextInt(5)) {
            case 0 -> {
                kinds.add(Kind.EXECUTABLE_COMMENTS);
                yield pick(List.of("/*!40101 SET NAMES utf8mb4 */", "/*!50003 SET @x = 'a' */"));
            }
            case 1 -> "insert into t values (" + mariadbPieces(1, 3) + ")";
            default -> {
                kinds.add(Kind.PLAIN);
                yield "select " + mariadbPieces(1, 6) + (random.nextBoolean() ? " from t" : "");
            }
        };
    }

    private String mariadbPieces(int min, int max) {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
            out.add(
                    switch (random.nextInt(7)) {
                        case 0 ->
                                piece(
                                        Kind.STRINGS,
                                        "'a;b'",
                                        "'it''s; ok'",
                                        "'it\\'s; ok'",
                                        "\"say \\\"hi;\\\"\"",
                                        "'c:\\\\'");
                        case 1 -> piece(Kind.BACKTICKS, "`a;b`", "`x``;y`");
                        case 2 -> piece(Kind.HASH_COMMENTS, "# ; comment\n");
                        case 3 -> piece(Kind.LINE_COMMENTS, "-- ; comment\n", "--\t;\n");
                        case 4 -> piece(Kind.BLOCK_COMMENTS, "/* ; */", "/* * ; */");
                        case 5 -> piece(Kind.DASHES_WITHOUT_BLANK, "5--2", "x--y");
                        default -> pick(List.of("t", "1", "@x", "a.b", "+", "x$y"));
                    });
        }
        return String.join(" ", out);
    }

    /** DELIMITER // ... DELIMITER ;, on lines of their own after a finished statement. */
    private void delimiterBlock() {
        kinds.add(Kind.DELIMITER);
        String delimiter = pick(List.of("//", "$$", ";;"));
        append("\nDELIMITER " + delimiter + "\n");
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            add(
                    "create procedure p"
                            + name()
                            + "()\nbegin\n  select "
                            + mariadbPieces(1, 3)
                            + ";\n  insert into t values ('x;y');\nend");
            append(delimiter + "\n");
        }
        append("DELIMITER ;\n");
    }

    private String piece(Kind kind, String... choices) {
        kinds.add(kind);
        return pick(List.of(choices));
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private int name() {
        return ++names;
    }
}
