package kz.qorgau.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kz.qorgau.audit.platform.AuditProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the checkpoint key comes from, without Spring: configuration or a file, never a default. */
class CheckpointKeyTest {

    /** golang.org/x/mod sumdb/note/note_test.go's test key (github.com/golang/mod, BSD-3-Clause). */
    static final String KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    @TempDir
    Path folder;

    @Test
    void readsTheKeyFromAFileOrTheSetting() throws IOException {
        Path file = Files.writeString(folder.resolve("checkpoint.key"), KEY + "\n");

        assertThat(CheckpointKey.signer(settings("", file.toString(), false)).verifierKey())
                .isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertThat(CheckpointKey.signer(settings(KEY, "", false)).keyIdHex()).isEqualTo("c74f20a3");
    }

    @Test
    void theDemoKeyOnlyWhereAllowedAndNoKeyConfigured() {
        assertThat(CheckpointKey.signer(settings("", "", true)).name()).isEqualTo("test/audit");
        assertThatThrownBy(() -> CheckpointKey.signer(settings("", "", false)))
                .hasMessageContaining("No checkpoint signing key");
    }

    @Test
    void refusesBadKeysWithoutShowingThem() {
        assertThatThrownBy(() -> CheckpointKey.signer(settings(KEY.replace("c74f20a3", "00000000"), "", false)))
                .hasMessageContaining("key id does not match")
                .hasMessageNotContaining("AYEKFALV");
        assertThatThrownBy(() -> settings(KEY, "/somewhere", false)).hasMessageContaining("not both");
        assertThatThrownBy(() -> CheckpointKey.signer(
                        settings("", folder.resolve("absent").toString(), false)))
                .hasMessageContaining("Could not read the checkpoint signing key file");
        assertThat(settings(KEY, "", false).toString()).doesNotContain("AYEKFALV");
    }

    private static AuditProperties.Checkpoints settings(String key, String file, boolean demo) {
        return new AuditProperties.Checkpoints(
                "test/audit", Duration.ofMinutes(1), 1000, key, file, demo, Duration.ofMinutes(1));
    }
}
