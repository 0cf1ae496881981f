package dev.parity.engine.sql;

import org.apiguardian.api.API;

/**
 * Cuts a script into the tokens psql's lexer sees, as far as they decide where a statement ends: the rules
 * of PostgreSQL's {@code src/fe_utils/psqlscan.l} (psql 15 to 18) in its INITIAL state. Quoted things
 * ({@code xq}, {@code xe}, {@code xd}, {@code xb}, {@code xh}, {@code xus}, {@code xui}, {@code xdolq}) and
 * comments ({@code comment}, {@code xc}, which nests) are single tokens, so nothing inside them counts;
 * an {@code identifier} swallows the {@code $} and digits after it, and so does a number with letters
 * glued on ({@code integer_junk}), so {@code a$$} and {@code 1a$$} open no dollar quote. A token that
 * runs to the end of the script unclosed ends there, as psql would send it.
 *
 * <p>Not mirrored, because psql sends the same text either way: the string continuation of
 * {@code xqs} (psql reads a file line by line, so its lexer never sees the newline a continuation needs)
 * and operators ({@code operator} stops at {@code /*} and {@code --}, which every character here is checked
 * for). Where psql would change the text (its variables, {@code \;}) or read strings differently
 * ({@code standard_conforming_strings} off), the script goes to psql instead; see {@code PsqlCommands}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PsqlLexer {

    /** What a token is, for the rules that count: psql tracks parentheses, identifiers and semicolons. */
    public enum Kind {
        /** {@code space}: blanks and line ends. */
        WHITESPACE,
        /** {@code comment} ({@code --} to the line end) and {@code xc} ({@code /* *}{@code /}, nesting). */
        COMMENT,
        /** {@code identifier}, keywords included; {@code $} and digits after its first letter belong to it. */
        IDENTIFIER,
        /** A string, quoted identifier or dollar-quoted body, quotes included. */
        QUOTED,
        /** {@code (}, which psql counts in {@code paren_depth}. */
        OPEN,
        /** {@code )}. */
        CLOSE,
        /** {@code ;}, which ends a statement only outside parentheses and {@code BEGIN ... END}. */
        SEMICOLON,
        /** {@code \}, which starts a meta-command (or is {@code \;}, {@code \:}). */
        BACKSLASH,
        /** A psql variable: {@code :name}, {@code :'name'}, {@code :"name"} or {@code :{?name}}. */
        VARIABLE,
        /** Anything else: numbers, parameters, operators, punctuation. */
        OTHER
    }

    /** The script's characters [start, end). */
    public record Token(Kind kind, int start, int end) {

        public String text(String script) {
            return script.substring(start, end);
        }
    }

    private final String script;
    private int at;

    public PsqlLexer(String script) {
        this.script = script;
    }

    /** The next token, or null at the end of the script. */
    public Token next() {
        if (at >= script.length()) {
            return null;
        }
        int start = at;
        Kind kind = scan();
        return new Token(kind, start, at);
    }

    /** Goes on from {@code position} (a meta-command's arguments and COPY's data are not SQL). */
    public void skipTo(int position) {
        at = Math.max(at, Math.min(position, script.length()));
    }

    private Kind scan() {
        char c = script.charAt(at);
        if (isSpace(c)) {
            while (at < script.length() && isSpace(script.charAt(at))) {
                at++;
            }
            return Kind.WHITESPACE;
        }
        if (script.startsWith("--", at)) {
            at = lineEnd(at);
            return Kind.COMMENT;
        }
        if (script.startsWith("/*", at)) {
            at = blockCommentEnd(at);
            return Kind.COMMENT;
        }
        int quoted = quotedEnd();
        if (quoted > 0) {
            at = quoted;
            return Kind.QUOTED;
        }
        if (isIdentStart(c)) {
            at = identifierEnd(at + 1);
            return Kind.IDENTIFIER;
        }
        if (isDigit(c) || c == '.' && at + 1 < script.length() && isDigit(script.charAt(at + 1))) {
            at = numberEnd(at);
            return Kind.OTHER;
        }
        if (c == '$') {
            at = parameterEnd(at);
            return Kind.OTHER;
        }
        if (c == ':') {
            return colon();
        }
        at++;
        return switch (c) {
            case '(' -> Kind.OPEN;
            case ')' -> Kind.CLOSE;
            case ';' -> Kind.SEMICOLON;
            case '\\' -> Kind.BACKSLASH;
            default -> Kind.OTHER;
        };
    }

    /** The end of a quoted token starting here, or 0 if none starts here. */
    private int quotedEnd() {
        char c = script.charAt(at);
        char next = at + 1 < script.length() ? script.charAt(at + 1) : 0;
        char third = at + 2 < script.length() ? script.charAt(at + 2) : 0;
        if (c == '\'') {
            return quoteEnd(at + 1, '\'', false); // xqstart (standard_conforming_strings on)
        }
        if (c == '"') {
            return quoteEnd(at + 1, '"', false); // xdstart
        }
        if (next == '\'' && (c == 'e' || c == 'E')) {
            return quoteEnd(at + 2, '\'', true); // xestart
        }
        if (next == '\'' && (c == 'n' || c == 'N')) {
            return quoteEnd(at + 2, '\'', false); // xnstart: N, then xqstart
        }
        if (next == '\'' && (c == 'b' || c == 'B' || c == 'x' || c == 'X')) {
            int close =
                    script.indexOf(
                            '\'', at + 2); // xbinside, xhinside: no escapes, the next quote ends it
            return close < 0 ? script.length() : close + 1;
        }
        if (next == '&' && (c == 'u' || c == 'U') && (third == '\'' || third == '"')) {
            return quoteEnd(at + 3, third, false); // xusstart, xuistart
        }
        if (c == '$') {
            String tag = dollarTag(at);
            if (tag != null) { // dolqdelim: the body ends at the first copy of its tag
                int close = script.indexOf(tag, at + tag.length());
                return close < 0 ? script.length() : close + tag.length();
            }
        }
        return 0;
    }

    /** After the opening quote: a doubled quote is one quote, and in {@code xe} a backslash escapes the next character. */
    private int quoteEnd(int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < script.length() && script.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return script.length();
    }

    /** {@code dolqdelim}: {@code $$} or {@code $tag$}, the tag an identifier without {@code $}; null if none starts here. */
    private String dollarTag(int start) {
        int i = start + 1;
        if (i < script.length() && isIdentStart(script.charAt(i))) { // dolq_start, then dolq_cont
            i = variableEnd(i + 1);
        }
        return i < script.length() && script.charAt(i) == '$'
                ? script.substring(start, i + 1)
                : null;
    }

    /** {@code param} and {@code param_junk} ({@code $1}, {@code $1x}); else {@code dolqfailed}: the {@code $} alone. */
    private int parameterEnd(int start) {
        int i = start + 1;
        if (i >= script.length() || !isDigit(script.charAt(i))) {
            return start + 1;
        }
        while (i < script.length() && isDigit(script.charAt(i))) {
            i++;
        }
        return i < script.length() && isIdentStart(script.charAt(i)) ? identifierEnd(i + 1) : i;
    }

    /**
     * {@code decinteger}, {@code numeric}, {@code real} and their {@code _junk} forms: a number with an
     * identifier glued on is one token ({@code numericfail}: {@code 1..} is 1 then {@code ..}).
     */
    private int numberEnd(int start) {
        int i = digitsEnd(start);
        if (i < script.length()
                && script.charAt(i) == '.'
                && !(i + 1 < script.length() && script.charAt(i + 1) == '.')) {
            i = digitsEnd(i + 1);
        }
        if (i < script.length() && (script.charAt(i) == 'e' || script.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < script.length()
                    && (script.charAt(exponent) == '+' || script.charAt(exponent) == '-')) {
                exponent++;
                if (exponent >= script.length() || !isDigit(script.charAt(exponent))) {
                    return exponent; // realfail
                }
            }
            if (exponent < script.length() && isDigit(script.charAt(exponent))) {
                i = digitsEnd(exponent);
            }
        }
        return i < script.length() && isIdentStart(script.charAt(i)) ? identifierEnd(i + 1) : i;
    }

    /** Digits, with single underscores between them ({@code 1_000}). */
    private int digitsEnd(int from) {
        int i = from;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (isDigit(c)
                    || c == '_'
                            && i > from
                            && i + 1 < script.length()
                            && isDigit(script.charAt(i + 1))
                            && isDigit(script.charAt(i - 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** {@code :name}, {@code :'name'}, {@code :"name"}, {@code :{?name}}; {@code ::} and {@code :=} are operators. */
    private Kind colon() {
        int i = at + 1;
        if (script.startsWith("::", at) || script.startsWith(":=", at)) {
            at += 2;
            return Kind.OTHER;
        }
        char next = i < script.length() ? script.charAt(i) : 0;
        if (isVariableChar(next)) {
            at = variableEnd(i);
            return Kind.VARIABLE;
        }
        if (next == '\'' || next == '"') {
            int end = variableEnd(i + 1);
            if (end > i + 1 && end < script.length() && script.charAt(end) == next) {
                at = end + 1;
                return Kind.VARIABLE;
            }
        }
        if (script.startsWith("{?", i)) {
            int end = variableEnd(i + 2);
            if (end > i + 2 && end < script.length() && script.charAt(end) == '}') {
                at = end + 1;
                return Kind.VARIABLE;
            }
        }
        at++; // the rules that fail to match throw back all but the colon
        return Kind.OTHER;
    }

    private int variableEnd(int from) {
        int i = from;
        while (i < script.length() && isVariableChar(script.charAt(i))) {
            i++;
        }
        return i;
    }

    private int identifierEnd(int from) {
        int i = from;
        while (i < script.length() && isIdentCont(script.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code xcstart} ... {@code xcstop}, counting {@code xcdepth}: PostgreSQL's block comments nest. */
    private int blockCommentEnd(int start) {
        int depth = 0;
        int i = start;
        while (i < script.length()) {
            if (script.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }

    /** {@code comment}: to the next line end, \r or \n ({@code non_newline}), not including it. */
    private int lineEnd(int from) {
        int i = from;
        while (i < script.length() && script.charAt(i) != '\n' && script.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** {@code space}: psql 16 added \v; it changes no statement's end. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code ident_start}: [A-Za-z\200-\377_], every byte of a non-ASCII character included. */
    static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    /** {@code ident_cont}: also digits and {@code $}. */
    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    /** {@code variable_char}, which is also {@code dolq_cont}: [A-Za-z\200-\377_0-9]. */
    private static boolean isVariableChar(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
