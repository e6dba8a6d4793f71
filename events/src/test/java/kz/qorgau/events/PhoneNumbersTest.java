package kz.qorgau.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void comparesInE164WhateverTheWritingAround() {
        assertThat(PhoneNumbers.normalised("+7 (701) 555-01-23")).contains("+77015550123");
        assertThat(PhoneNumbers.normalised("007 701 555 0123")).contains("+77015550123");
        assertThat(PhoneNumbers.normalised("87015550123")).contains("+77015550123");
        assertThat(PhoneNumbers.same("+77015550123", "8 701 555 01 23")).isTrue();
        assertThat(PhoneNumbers.same("+77015550123", "+77015550124")).isFalse();
    }

    @Test
    void whatIsNoPhoneNumberIsNeverTheSame() {
        assertThat(PhoneNumbers.normalised("victim@example.kz")).isEmpty();
        assertThat(PhoneNumbers.normalised(null)).isEmpty();
        assertThat(PhoneNumbers.normalised("+0123")).isEmpty();
        assertThat(PhoneNumbers.same(null, null)).isFalse();
        assertThat(PhoneNumbers.same("x", "x")).isFalse();
    }
}
