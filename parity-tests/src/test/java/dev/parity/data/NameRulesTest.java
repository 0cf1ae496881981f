package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The table of column-name words and the values they get. */
class NameRulesTest {

    private static String text(String column, int length) {
        return NameRules.textExpression(NameRules.words(column), length);
    }

    @Test
    void namesSplitIntoLowerCaseWordsAtUnderscoresSpacesAndCamelCase() {
        assertThat(NameRules.words("createdAt")).containsExactly("created", "at");
        assertThat(NameRules.words("birth_date")).containsExactly("birth", "date");
        assertThat(NameRules.words("Customer ID")).containsExactly("customer", "id");
        assertThat(NameRules.words("userID")).containsExactly("user", "id");
        assertThat(NameRules.words("address2Line")).containsExactly("address2", "line");
        assertThat(NameRules.words("__x__")).containsExactly("x");
    }

    @Test
    void emailAndUserNameColumnsHaveShapes() {
        assertThat(NameRules.shape(NameRules.words("email"))).isEqualTo(NameRules.Shape.EMAIL);
        assertThat(NameRules.shape(NameRules.words("contactEmail")))
                .isEqualTo(NameRules.Shape.EMAIL);
        assertThat(NameRules.shape(NameRules.words("e_mail"))).isEqualTo(NameRules.Shape.EMAIL);
        assertThat(NameRules.shape(NameRules.words("username")))
                .isEqualTo(NameRules.Shape.USERNAME);
        assertThat(NameRules.shape(NameRules.words("userName")))
                .isEqualTo(NameRules.Shape.USERNAME);
        assertThat(NameRules.shape(NameRules.words("login"))).isEqualTo(NameRules.Shape.USERNAME);
        assertThat(NameRules.shape(NameRules.words("name"))).isNull();
        assertThat(NameRules.shape(NameRules.words("emailed_on"))).isNull();
    }

    @Test
    void shortCountryAndCurrencyColumnsGetCodes() {
        assertThat(text("country", 2)).isEqualTo("#{Address.countryCode}");
        assertThat(text("country", 3)).isEqualTo("#{Address.countryCode}");
        assertThat(text("country", 4)).isEqualTo("#{Address.country}");
        assertThat(text("billingCountry", -1)).isEqualTo("#{Address.country}");
        assertThat(text("currency", 3)).isEqualTo("#{Money.currencyCode}");
        assertThat(text("currency", 40)).isEqualTo("#{Money.currency}");
    }

    @Test
    void textColumnsGetTheExpressionOfTheirFirstMatchingRule() {
        assertThat(text("first_name", 40)).isEqualTo("#{Name.firstName}");
        assertThat(text("lastName", 40)).isEqualTo("#{Name.lastName}");
        assertThat(text("mobile_phone", 20)).isEqualTo("#{PhoneNumber.phoneNumber}");
        assertThat(text("shipping_city", 20)).isEqualTo("#{Address.city}");
        assertThat(text("zip", 10)).isEqualTo("#{Address.zipCode}");
        assertThat(text("homepage", -1)).isEqualTo("#{Internet.url}");
        assertThat(text("supplier", -1)).isEqualTo("#{Company.name}");
        assertThat(text("notes", -1)).isEqualTo("#{Lorem.sentence}");
        // "first" comes before "city" in the table
        assertThat(text("first_city", -1)).isEqualTo("#{Name.firstName}");
        assertThat(text("sku", 10)).isNull();
    }

    @Test
    void personNamesAreRecognisedByTheirWords() {
        assertThat(NameRules.isPersonName(NameRules.words("full_name"))).isTrue();
        assertThat(NameRules.isPersonName(NameRules.words("authorName"))).isTrue();
        assertThat(NameRules.isPersonName(NameRules.words("customer"))).isTrue();
        assertThat(NameRules.isPersonName(NameRules.words("product"))).isFalse();
    }

    @Test
    void integerRangesByName() {
        assertThat(NameRules.integerRange("age", NameRules.words("age"))).containsExactly(18, 95);
        assertThat(NameRules.integerRange("build_year", NameRules.words("build_year")))
                .containsExactly(1950, 2030);
        assertThat(NameRules.integerRange("stockCount", NameRules.words("stockCount")))
                .containsExactly(1, 100);
        assertThat(NameRules.integerRange("rating", NameRules.words("rating")))
                .containsExactly(1, 5);
        assertThat(NameRules.integerRange("discount_pct", NameRules.words("discount_pct")))
                .containsExactly(0, 100);
        assertThat(NameRules.integerRange("customer_id", NameRules.words("customer_id")))
                .containsExactly(1, 1_000_000);
        assertThat(NameRules.integerRange("customerid", NameRules.words("customerid")))
                .containsExactly(1, 1_000_000);
        assertThat(NameRules.integerRange("misc", NameRules.words("misc")))
                .containsExactly(0, 100_000);
    }

    @Test
    void decimalRangesByName() {
        assertThat(NameRules.decimalRange(NameRules.words("account_balance")))
                .containsExactly(-1_000, 50_000);
        assertThat(NameRules.decimalRange(NameRules.words("taxRate"))).containsExactly(0, 1);
        assertThat(NameRules.decimalRange(NameRules.words("price"))).containsExactly(0, 10_000);
    }

    @Test
    void birthDatesAreFrom1930To2008() {
        LocalDate[] birth = {LocalDate.of(1930, 1, 1), LocalDate.of(2008, 12, 31)};
        assertThat(NameRules.dateRange(NameRules.words("birth_date"))).containsExactly(birth);
        assertThat(NameRules.dateRange(NameRules.words("dob"))).containsExactly(birth);
        assertThat(NameRules.dateRange(NameRules.words("dueDate")))
                .containsExactly(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));
    }

    @Test
    void recentTimestampsAreFrom2020() {
        LocalDate[] recent = {LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)};
        assertThat(NameRules.timestampRange(NameRules.words("createdAt"))).containsExactly(recent);
        assertThat(NameRules.timestampRange(NameRules.words("last_seen"))).containsExactly(recent);
        assertThat(NameRules.timestampRange(NameRules.words("updated_at"))).containsExactly(recent);
        assertThat(NameRules.timestampRange(NameRules.words("shipped_on")))
                .containsExactly(LocalDate.of(2000, 1, 1), LocalDate.of(2031, 1, 1));
    }
}
