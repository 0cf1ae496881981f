package dev.parity.engine.sql;

import java.util.Locale;
import java.util.function.Predicate;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import org.apiguardian.api.API;

/**
 * SQL text for JSqlParser that reads the same in every default locale. JSqlParser 5 upper-cases some keywords in
 * the default locale ({@code LikeExpression.KeyWord.valueOf(image.toUpperCase())} and about forty more), so under a
 * Turkish one (a class pinned to {@code tr-TR}) {@code like} became {@code LİKE} and the parse failed; upper case
 * already is upper case in every locale.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LocaleProofSql {

    private LocaleProofSql() {}

    /**
     * {@code sql} with its keywords (type names among them) in upper case ({@link Locale#ROOT}), and its literals,
     * quoted identifiers and names as written, as JSqlParser's own lexer tells them apart; a keyword that
     * {@code isName} (a column called {@code time}) stays as written too. Text the lexer cannot read comes back as
     * it is.
     */
    public static String keywordsUpperCased(String sql, Predicate<String> isName) {
        StringBuilder out = new StringBuilder(sql.length());
        int at = 0;
        try {
            CCJSqlParser lexer = CCJSqlParserUtil.newParser(sql);
            for (Token token = lexer.getNextToken();
                    token.kind != CCJSqlParserConstants.EOF;
                    token = lexer.getNextToken()) {
                int start = sql.indexOf(token.image, at);
                if (start < 0) {
                    return sql;
                }
                out.append(sql, at, start);
                boolean keyword =
                        token.kind != CCJSqlParserConstants.S_IDENTIFIER
                                && token.image.matches("[A-Za-z_][A-Za-z0-9_]*")
                                && !isName.test(token.image);
                out.append(keyword ? token.image.toUpperCase(Locale.ROOT) : token.image);
                at = start + token.image.length();
            }
        } catch (RuntimeException | Error e) { // the lexer's TokenMgrError among them
            return sql;
        }
        return out.append(sql, at, sql.length()).toString();
    }
}
