package kz.qorgau.order.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code printed on one copy of an offender's document: 120 random bits (the issue asks for at least
 * 96), never derived from the order, in 24 base32 letters and digits read in groups of four. Only its
 * SHA-256 is stored.
 */
record VerificationCode(String text) {

    static final int BITS = 120;

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int LENGTH = BITS / 5;
    private static final Pattern NORMALISED = Pattern.compile("[A-Z2-7]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    VerificationCode {
        if (!NORMALISED.matcher(text).matches()) {
            throw new IllegalArgumentException("not a verification code");
        }
    }

    static VerificationCode random() {
        byte[] bytes = new byte[BITS / 8];
        RANDOM.nextBytes(bytes);
        StringBuilder text = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return new VerificationCode(text.toString());
    }

    /** A code as someone typed or scanned it: case, spaces and dashes do not matter. */
    static Optional<VerificationCode> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        // 0 and 1 are not in the alphabet: read from paper, they are O and I.
        String normalised = typed.replaceAll("[\\s-]", "")
                .toUpperCase(Locale.ROOT)
                .replace('0', 'O')
                .replace('1', 'I');
        return NORMALISED.matcher(normalised).matches()
                ? Optional.of(new VerificationCode(normalised))
                : Optional.empty();
    }

    /** As printed: six groups of four. */
    String grouped() {
        return String.join("-", text.split("(?<=\\G.{4})"));
    }

    byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // The code is as good as the paper it is printed on: never in a log line.
        return "VerificationCode[redacted]";
    }
}
