package dev.parity.examples.shop;

import java.util.ArrayList;
import java.util.List;

/** A strict reader of RFC 4180 CSV, the way a spreadsheet or an ERP reads the shop's export. */
final class Rfc4180 {

    private Rfc4180() {}

    /** Records of fields; an empty unquoted field is NULL, a quoted empty one is "". */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        while (i < csv.length()) {
            String field;
            if (csv.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= csv.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char c = csv.charAt(i++);
                    if (c == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                field = value.toString();
            } else {
                int end = i;
                while (end < csv.length()
                        && csv.charAt(end) != ','
                        && csv.charAt(end) != '\r'
                        && csv.charAt(end) != '\n') {
                    if (csv.charAt(end) == '"') {
                        throw new IllegalArgumentException(
                                "a quote inside an unquoted field at " + end);
                    }
                    end++;
                }
                field = end == i ? null : csv.substring(i, end);
                i = end;
            }
            record.add(field);
            if (i < csv.length() && csv.charAt(i) == ',') {
                i++;
            } else {
                if (csv.startsWith("\r\n", i)) {
                    i += 2;
                } else if (i < csv.length()) {
                    i++;
                }
                records.add(record);
                record = new ArrayList<>();
            }
        }
        return records;
    }

    /** As {@link #parse}, but what is not CSV gives an empty list instead of an exception. */
    static List<List<String>> parseLeniently(String csv) {
        try {
            return parse(csv);
        } catch (IllegalArgumentException notCsv) {
            return List.of();
        }
    }
}
