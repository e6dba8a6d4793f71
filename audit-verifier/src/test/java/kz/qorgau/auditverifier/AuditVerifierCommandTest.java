package kz.qorgau.auditverifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.qorgau.auditlog.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The command line on files as an auditor saves them from the API: exit status and what it says. */
class AuditVerifierCommandTest {

    @TempDir
    Path folder;

    @Test
    void verifiesFilesAndNamesTheFirstBadEntry() throws IOException {
        List<AuditEntry> log = LogVerificationTest.entries(new Random(11), 30);
        List<String> notes = LogVerificationTest.checkpoints(log, new Random(12));
        Path entries = Files.write(folder.resolve("export.jsonl"), ExportLines.of(log));
        Path checkpoints = folder.resolve("checkpoints.json");
        List<Object> page = new ArrayList<>();
        notes.forEach(note -> page.add(java.util.Map.of("signedNote", note)));
        Files.writeString(
                checkpoints, JsonMapper.builder().build().writeValueAsString(java.util.Map.of("checkpoints", page)));
        String key = LogVerificationTest.SIGNER.verifierKey();

        assertThat(run("--entries", entries.toString(), "--checkpoints", checkpoints.toString(), "--key", key))
                .startsWith("0 VERIFIED: 30 entries");

        List<String> changed = new ArrayList<>(ExportLines.of(log));
        changed.set(4, changed.get(4).replaceFirst("\"partition\":(\\d)", "\"partition\":7"));
        Path tampered = Files.write(folder.resolve("tampered.jsonl"), changed);
        Path note = Files.writeString(folder.resolve("note.txt"), notes.get(notes.size() - 1));
        Path keys = Files.writeString(folder.resolve("keys.txt"), "# the audit log's keys\n" + key + "\n");
        assertThat(run("--entries", tampered.toString(), "--note", note.toString(), "--key-file", keys.toString()))
                .startsWith("1 FAILED at sequence 5: its fields do not hash to its leaf hash");

        assertThat(run("--entries", entries.toString())).startsWith("2 audit-verifier:");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerifierCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
