package kz.qorgau.order.accessrecord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import org.springframework.web.util.UriUtils;

/**
 * The purpose staff state for reading a victim's data, sent in the {@value #HEADER} header and copied
 * into the access event. Header values are ASCII, so Kazakh and Russian text is sent percent-encoded
 * UTF-8 (as {@code encodeURIComponent} writes it); plain ASCII passes as it is.
 */
public final class Purpose {

    public static final String HEADER = "Qorgau-Purpose";

    static final int MIN_LENGTH = 3;

    private Purpose() {}

    /** The purpose, decoded; a 400 naming the header when it is missing, too short, too long or not text. */
    public static String required(String header) {
        String purpose = decode(header);
        if (purpose == null) {
            throw invalid("is required: say why you need these data (3 to " + AccessRecorded.MAX_TEXT_LENGTH
                    + " characters, percent-encoded UTF-8 for non-ASCII text)");
        }
        return purpose;
    }

    /** Like {@link #required} but {@code null} when no purpose was sent. */
    public static String optional(String header) {
        return header == null || header.isBlank() ? null : required(header);
    }

    private static String decode(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String text;
        try {
            text = UriUtils.decode(header.strip(), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            throw invalid("is not valid percent-encoded UTF-8");
        }
        if (text.length() < MIN_LENGTH
                || text.length() > AccessRecorded.MAX_TEXT_LENGTH
                || text.chars().anyMatch(Character::isISOControl)) {
            throw invalid("must be " + MIN_LENGTH + " to " + AccessRecorded.MAX_TEXT_LENGTH
                    + " characters of text without control characters");
        }
        return text;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(List.of(new Problems.FieldProblem(HEADER, message)));
    }
}
