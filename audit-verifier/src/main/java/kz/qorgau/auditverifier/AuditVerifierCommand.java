package kz.qorgau.auditverifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.auditlog.NoteVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline verifier's command line (docs/adr/0023):
 *
 * <pre>
 * java -jar audit-verifier-exec.jar --entries export.jsonl --checkpoints checkpoints.json --key &lt;verifier key&gt;
 * </pre>
 *
 * With {@code --watch URL|DIR --state FILE} and the keys, it is a witness ({@link Witness}). With {@code
 * --bundle BUNDLE.json} and the keys instead, it checks an evidence bundle alone (docs/adr/0027).
 *
 * <p>{@code --entries}: the export (GET /api/v1/audit/export?treeSize=N). {@code --checkpoints}: the
 * checkpoints as GET /api/v1/audit/checkpoints answers them; {@code --note}: a file holding one signed note
 * (from the checkpoint topic), repeatable. {@code --key}: a verifier key, or {@code --key-file} a file of them,
 * one a line; repeatable (keys of before a rotation too). Exit status 0 verified, 1 not, 2 usage.
 */
public final class AuditVerifierCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditVerifierCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path entries = null;
        Path bundle = null;
        String watch = null;
        Path state = null;
        String token = System.getenv("QORGAU_AUDIT_TOKEN");
        Duration every = Duration.ofMinutes(1);
        boolean once = false;
        List<String> notes = new ArrayList<>();
        List<NoteVerifier> keys = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    out.println(usage());
                    return 0;
                }
                if (option.equals("--once")) {
                    once = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--entries" -> entries = Path.of(value);
                    case "--bundle" -> bundle = Path.of(value);
                    case "--watch" -> watch = value;
                    case "--state" -> state = Path.of(value);
                    case "--token-file" ->
                        token = Files.readString(Path.of(value), StandardCharsets.UTF_8)
                                .strip();
                    case "--every" -> every = Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
                    case "--checkpoints" -> notes.addAll(checkpointNotes(Path.of(value)));
                    case "--note" -> notes.add(Files.readString(Path.of(value), StandardCharsets.UTF_8));
                    case "--key" -> keys.add(NoteVerifier.parse(value));
                    case "--key-file" -> {
                        for (String line : Files.readAllLines(Path.of(value), StandardCharsets.UTF_8)) {
                            if (!line.isBlank() && !line.startsWith("#")) {
                                keys.add(NoteVerifier.parse(line));
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (watch != null) {
                if (state == null || keys.isEmpty()) {
                    throw new IllegalArgumentException("--watch needs --state and at least one key");
                }
                return watch(new Witness(WitnessSources.of(watch, token), state, keys), every, once, out, err);
            }
            if (bundle != null) {
                if (entries != null || !notes.isEmpty() || keys.isEmpty()) {
                    throw new IllegalArgumentException("--bundle takes keys only: it holds its entries and checkpoint");
                }
                return verifyBundle(bundle, keys, out, err);
            }
            if (entries == null || keys.isEmpty() || notes.isEmpty()) {
                throw new IllegalArgumentException(
                        "--entries, at least one key and at least one checkpoint are needed");
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("audit-verifier: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        try (BufferedReader lines = Files.newBufferedReader(entries, StandardCharsets.UTF_8)) {
            LogVerification.Result result = LogVerification.verify(lines.lines().iterator(), notes, keys);
            (result.verified() ? out : err).println(result);
            return result.verified() ? 0 : 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("audit-verifier: cannot read " + entries + ": " + e.getMessage());
            return 2;
        }
    }

    /** Observes once, or forever every {@code every}; a fork is reported each time and never forgotten. */
    static int watch(Witness witness, Duration every, boolean once, PrintStream out, PrintStream err) {
        boolean forked = false;
        while (true) {
            try {
                Witness.Observation observation = witness.observe();
                forked |= !observation.fine();
                (observation.fine() ? out : err).println(Instant.now() + " " + observation);
            } catch (IOException | RuntimeException e) {
                err.println(Instant.now() + " cannot observe the log: " + e.getMessage());
                if (once) {
                    return 2;
                }
            }
            if (once) {
                return forked ? 1 : 0;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return forked ? 1 : 0;
            }
        }
    }

    private static int verifyBundle(Path bundle, List<NoteVerifier> keys, PrintStream out, PrintStream err)
            throws IOException {
        BundleVerification.Result result = BundleVerification.verify(Files.readAllBytes(bundle), keys);
        (result.verified() ? out : err).println(result);
        return result.verified() ? 0 : 1;
    }

    /** The signed notes of the checkpoints API's answer: {@code {"checkpoints": [{"signedNote": …}, …]}}. */
    static List<String> checkpointNotes(Path file) throws IOException {
        JsonNode page = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode list = page.isArray() ? page : page.get("checkpoints");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(file + " holds no \"checkpoints\" list");
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode checkpoint : list) {
            JsonNode note = checkpoint.isString() ? checkpoint : checkpoint.get("signedNote");
            if (note == null || !note.isString()) {
                throw new IllegalArgumentException(file + " has a checkpoint without \"signedNote\"");
            }
            notes.add(note.asString());
        }
        return notes;
    }

    static String usage() {
        return """
                usage: java -jar audit-verifier-exec.jar --entries EXPORT.jsonl
                           (--checkpoints CHECKPOINTS.json | --note NOTE)... (--key VERIFIER_KEY | --key-file FILE)...
                       java -jar audit-verifier-exec.jar --bundle BUNDLE.json (--key VERIFIER_KEY | --key-file FILE)...
                       java -jar audit-verifier-exec.jar --watch (URL | DIR) --state FILE (--key VERIFIER_KEY)...
                           [--token-file FILE] [--every 1m] [--once]
                  BUNDLE.json       GET /api/v1/audit/bundle?subject=<order id>: an order's evidence bundle
                  --watch           a witness: keeps the last checkpoint in FILE, checks each newer one extends it
                                    (consistency proof from URL, the service, with an auditor's token in
                                    QORGAU_AUDIT_TOKEN or --token-file; or DIR with latest.note and
                                    consistency-FROM-TO.json); a fork is reported, status 1
                  EXPORT.jsonl      GET /api/v1/audit/export?treeSize=<the newest checkpoint's size>
                  CHECKPOINTS.json  GET /api/v1/audit/checkpoints (or notes read from the checkpoint topic, --note)
                  VERIFIER_KEY      <name>+<key id>+<base64 key>, as GET /api/v1/audit/checkpoints/signing-key shows it
                exit status: 0 verified, 1 not verified (the first bad sequence number and why), 2 usage""";
    }
}
