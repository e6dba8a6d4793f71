package kz.qorgau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the documentation leads somewhere: README.md and every Markdown file under
 * docs/ (and any other Markdown file of the checkout, outside build output and hidden folders). A
 * link's file or folder must exist inside the checkout, and its {@code #anchor} must be a heading of
 * the target Markdown file as GitHub names it ({@link MarkdownDocument#slug}); a line anchor
 * ({@code #L12}, {@code #L12-L20}) is accepted on any other file. http(s) and mailto links are not
 * followed (no network here).
 */
class DocumentationLinksTest {

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() {
        List<Path> documents = markdownFiles(RepositoryFiles.ROOT);

        assertThat(documents)
                .contains(RepositoryFiles.resolve("README.md"), RepositoryFiles.resolve("docs/architecture.md"));
        assertThat(brokenLinks(RepositoryFiles.ROOT, documents)).isEmpty();
    }

    @Test
    void aMissingFileAFolderAndAnUnknownAnchorAreEachFound(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/adr"));
        Files.writeString(root.resolve("docs/adr/0001-first.md"), "# 0001. First: `one` decision\n\n## Context\n");
        Files.writeString(
                root.resolve("README.md"),
                """
                # Qorgau
                [ok](docs/adr/0001-first.md#0001-first-one-decision) [folder](docs/adr/) [web](https://example.org/x)
                [gone](docs/adr/0002-missing.md) [anchor](docs/adr/0001-first.md#decision) [self](#qorgau) [no](#nowhere)
                ```
                [in code](not/checked.md)
                ```
                """);

        assertThat(brokenLinks(root, markdownFiles(root)))
                .containsExactly(
                        "README.md:3: docs/adr/0002-missing.md (no such file or folder)",
                        "README.md:3: docs/adr/0001-first.md#decision (no heading 'decision' in docs/adr/0001-first.md)",
                        "README.md:3: #nowhere (no heading 'nowhere' in README.md)");
    }

    @Test
    void anchorsAreGitHubsSlugsOfTheHeadings() {
        var document = new MarkdownDocument(
                Path.of("x.md"),
                List.of(
                        "# Qorgau architecture",
                        "## Walk-through: one protective order through the whole system",
                        "## `QORGAU_<SERVICE>_DB_URL` and [ADR 0014](adr/0014-safe-defaults.md)",
                        "## Бірінші бөлім",
                        "## Notes",
                        "## Notes",
                        "```",
                        "# not a heading",
                        "```"));

        assertThat(document.anchors())
                .containsExactly(
                        "qorgau-architecture",
                        "walk-through-one-protective-order-through-the-whole-system",
                        "qorgau_service_db_url-and-adr-0014",
                        "бірінші-бөлім",
                        "notes",
                        "notes-1");
    }

    /** Each broken link as {@code file:line: target (why)}, paths relative to {@code root}. */
    static List<String> brokenLinks(Path root, List<Path> documents) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            for (MarkdownDocument.Link link : MarkdownDocument.read(document).links()) {
                String problem = problem(root, document, link.target(), anchors);
                if (problem != null) {
                    broken.add(
                            relative(root, document) + ":" + link.line() + ": " + link.target() + " (" + problem + ")");
                }
            }
        }
        return broken;
    }

    private static String problem(Path root, Path document, String target, Map<Path, Set<String>> anchors) {
        if (target.matches("(?i)(https?|mailto):.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        // Percent-escapes only: a '+' in a path is a plus, not a space.
        String path = URLDecoder.decode(
                (hash < 0 ? target : target.substring(0, hash)).replace("+", "%2B"), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved =
                path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file or folder";
        }
        if (anchor == null) {
            return null;
        }
        if (resolved.getFileName().toString().endsWith(".md") && Files.isRegularFile(resolved)) {
            Set<String> headings = anchors.computeIfAbsent(
                    resolved, file -> MarkdownDocument.read(file).anchors());
            return headings.contains(anchor) ? null : "no heading '" + anchor + "' in " + relative(root, resolved);
        }
        return Files.isRegularFile(resolved) && anchor.matches("L\\d+(-L\\d+)?")
                ? null
                : "an anchor '" + anchor + "' on a file that has no headings";
    }

    /** README.md, docs/ and every other Markdown file, without build output and hidden folders. */
    static List<Path> markdownFiles(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    boolean skipped = !dir.equals(root)
                            && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()
                            && file.getFileName().toString().endsWith(".md")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
