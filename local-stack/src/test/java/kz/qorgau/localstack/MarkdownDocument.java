package kz.qorgau.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the documentation tests need from a Markdown file, read the way GitHub renders it: the links
 * and headings of the prose (fenced code blocks and code spans hold no links), the anchors GitHub
 * makes of the headings, and the rows of its tables. ATX headings ({@code #} to {@code ######}) only:
 * the repository writes no setext headings.
 */
record MarkdownDocument(Path file, List<String> lines) {

    /** {@code [text](target)} and {@code ![alt](target)}; the target may carry a {@code "title"}. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition, {@code [label]: target}. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?([^\\s>]+)>?");

    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern SEPARATOR_ROW =
            Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)*\\s*:?-{3,}:?\\s*\\|?\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    static MarkdownDocument read(Path file) {
        try {
            return new MarkdownDocument(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One link of the document: its 1-based line and the target as written. */
    record Link(int line, String target) {}

    /** Every link target outside fenced code blocks and code spans, in document order. */
    List<Link> links() {
        List<Link> links = new ArrayList<>();
        List<String> prose = proseLines();
        for (int i = 0; i < prose.size(); i++) {
            String line = CODE_SPAN.matcher(prose.get(i)).replaceAll("");
            Matcher inline = INLINE_LINK.matcher(line);
            while (inline.find()) {
                links.add(new Link(i + 1, inline.group(1)));
            }
            Matcher reference = REFERENCE_DEFINITION.matcher(line);
            if (reference.find()) {
                links.add(new Link(i + 1, reference.group(1)));
            }
        }
        return links;
    }

    /**
     * The anchors a link may point at: each heading's GitHub slug (a repeated slug gets {@code -1},
     * {@code -2}, … as on GitHub) and the names of explicit {@code <a name|id="…">} anchors.
     */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines()) {
            Matcher heading = ATX_HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor for a heading (github-slugger): the rendered text in lower case, without
     * anything but letters, marks, digits, connector punctuation ({@code _}), hyphens and spaces,
     * each space then a hyphen. Rendering here: links and images become their text, code spans
     * their content, emphasis asterisks go.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("`+", "")
                .replace("*", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", "")
                .replace(' ', '-');
    }

    /** A table: its header cells and its rows' cells (trimmed, outer pipes dropped). */
    record Table(List<String> header, List<List<String>> rows) {}

    /** Every table of the document. A pipe inside a code span does not split a cell. */
    List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        List<String> prose = proseLines();
        for (int i = 0; i + 1 < prose.size(); i++) {
            if (isTableRow(prose.get(i))
                    && SEPARATOR_ROW.matcher(prose.get(i + 1)).matches()) {
                List<List<String>> rows = new ArrayList<>();
                int row = i + 2;
                while (row < prose.size() && isTableRow(prose.get(row))) {
                    rows.add(cells(prose.get(row)));
                    row++;
                }
                tables.add(new Table(cells(prose.get(i)), rows));
                i = row - 1;
            }
        }
        return tables;
    }

    /** The document's lines with every line of a fenced code block blanked (line numbers stay). */
    List<String> proseLines() {
        List<String> prose = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                prose.add("");
            } else if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
                prose.add("");
            } else {
                prose.add(line);
            }
        }
        return prose;
    }

    private static boolean isTableRow(String line) {
        return line.strip().startsWith("|");
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        String body = row.strip();
        body = body.substring(1, body.endsWith("|") && body.length() > 1 ? body.length() - 1 : body.length());
        for (char c : body.toCharArray()) {
            if (c == '`') {
                inCode = !inCode;
            }
            if (c == '|' && !inCode) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
