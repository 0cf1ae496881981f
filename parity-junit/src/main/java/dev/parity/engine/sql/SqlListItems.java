package dev.parity.engine.sql;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Splits the comma-separated items of a list as engines print them ({@code 'a', 'it''s', 1, NULL}): a quoted
 * item comes back unquoted and marked quoted, anything else as written.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlListItems {

    /** One item: its text, and whether it was a quoted string. */
    public record Item(String text, boolean quoted) {}

    private SqlListItems() {}

    public static List<Item> of(String list) {
        List<Item> items = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < list.length()) {
                    if (list.charAt(i) == '\'') {
                        if (i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    value.append(list.charAt(i++));
                }
                i++;
                items.add(new Item(value.toString(), true));
            } else {
                int end = list.indexOf(',', i);
                items.add(
                        new Item(
                                (end < 0 ? list.substring(i) : list.substring(i, end)).strip(),
                                false));
                i = end < 0 ? list.length() : end;
            }
        }
        return items;
    }
}
