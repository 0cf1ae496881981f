package dev.parity.engine.postgres;

import dev.parity.engine.ValueSyntax;
import java.util.HexFormat;
import java.util.List;

/** PostgreSQL's text input forms: {@code t}/{@code f}, {@code \x...} bytes, {@code {...}} arrays. */
final class PostgresValues implements ValueSyntax {

    @Override
    public String bool(boolean value) {
        return value ? "t" : "f";
    }

    @Override
    public String bytes(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean zonesInLiterals() {
        return true;
    }

    @Override
    public String bits(long value, int width) {
        String digits = Long.toBinaryString(value);
        return digits.length() >= width
                ? digits.substring(digits.length() - width)
                : "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public String array(List<String> items, boolean quoteItems) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (i > 0) {
                text.append(',');
            }
            if (item == null) {
                text.append("NULL");
            } else if (quoteItems) {
                text.append('"')
                        .append(item.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            } else {
                text.append(item);
            }
        }
        return text.append('}').toString();
    }
}
