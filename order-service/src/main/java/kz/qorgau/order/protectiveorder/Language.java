package kz.qorgau.order.protectiveorder;

import com.fasterxml.jackson.annotation.JsonValue;

/** The language a victim wants to be addressed in; written as its ISO 639-1 code. */
public enum Language {
    KK("kk"),
    RU("ru"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, which is also the JSON form ({@code "kk"}). */
    @JsonValue
    public String code() {
        return code;
    }
}
