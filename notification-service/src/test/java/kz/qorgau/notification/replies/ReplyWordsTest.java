package kz.qorgau.notification.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyWordsTest {

    private static final ReplyProperties DEFAULTS = new ReplyProperties(
            null,
            false,
            Duration.ofMinutes(5),
            List.of("STOP", "СТОП", "ТОҚТАТ", "ТОКТАТ", "ОТПИСКА"),
            List.of("SAFE", "БЕЗОПАСНО", "ҚАУІПСІЗ", "КАУІПСІЗ", "КАУИПСИЗ", "В БЕЗОПАСНОСТИ"),
            List.of("HELP", "ПОМОГИТЕ", "ПОМОЩЬ", "КӨМЕК", "КОМЕК", "SOS"));

    private final ReplyWords words = new ReplyWords(DEFAULTS);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "КӨМЕК|HELP",
                "  көмек!  |HELP",
                "Помогите|HELP",
                "help|HELP",
                "S.O.S|HELP",
                "ҚАУІПСІЗ|SAFE",
                "қауіпсіз.|SAFE",
                "безопасно|SAFE",
                "в безопасности|SAFE",
                "Safe|SAFE",
                "ТОҚТАТ|STOP",
                "стоп|STOP",
                " STOP |STOP"
            })
    void theWordsAreReadInKazakhRussianAndEnglishWithoutCaseSpacesOrPunctuation(String text, String answer) {
        assertThat(words.read(text)).contains(ReplyWords.Answer.valueOf(answer));
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertThat(words.read("I am at home, help is not needed")).isEmpty();
        assertThat(words.read("")).isEmpty();
        assertThat(words.read("!!!")).isEmpty();
        assertThat(words.read(null)).isEmpty();
    }

    @Test
    void theDemoSecretIsRefusedWhereDemoKeysAreNotAllowedAndNoSecretTakesNothing() {
        assertThatThrownBy(() -> new ReplyProperties(
                        ReplyProperties.LOCAL_DEMO_SECRET,
                        false,
                        Duration.ofMinutes(5),
                        List.of(),
                        List.of(),
                        List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(DEFAULTS.checkedSecret()).isNull();
        assertThat(new ReplyProperties(null, true, Duration.ofMinutes(5), List.of(), List.of(), List.of())
                        .checkedSecret())
                .isEqualTo(ReplyProperties.LOCAL_DEMO_SECRET);
        assertThat(DEFAULTS.toString()).doesNotContain("secret=");
    }
}
