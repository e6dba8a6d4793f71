package kz.qorgau.order.document;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws the document handed to the offender: one A4 page in Kazakh and Russian with what is forbidden,
 * the term, the legal basis, the unit to call, and the verification code as text and as a QR code. It is
 * given nothing about the victim or the protected persons, so it cannot print their address or contacts.
 *
 * <p>The wording is a working translation of the law's bans; have it checked by the ministry's legal
 * translators before production (docs/configuration.md).
 */
final class DocumentRendering {

    /** What the page shows; deliberately without any field of the victim or the protected persons. */
    record Content(
            String orderNumber,
            String offenderName,
            List<Prohibition> prohibitions,
            Instant servedAt,
            Instant validUntil,
            int termDays,
            LegalBasis legalBasis,
            String policeUnit,
            VerificationCode code,
            URI verificationPage) {

        /** What the QR code holds: the page, the code after '#'. */
        String verificationLink() {
            return verificationPage + "#" + code.text();
        }
    }

    private static final Map<Prohibition, String[]> BANS = new EnumMap<>(Map.of(
            Prohibition.DOMESTIC_VIOLENCE,
            new String[] {"тұрмыстық зорлық-зомбылық жасауға;", "совершать бытовое насилие;"},
            Prohibition.SEEKING_VICTIM,
            new String[] {"жәбірленушіні оның еркіне қарсы іздестіруге;", "разыскивать потерпевшего вопреки его воле;"},
            Prohibition.PURSUING_VICTIM,
            new String[] {"жәбірленушінің соңына түсуге;", "преследовать потерпевшего;"},
            Prohibition.VISITING_VICTIM,
            new String[] {"жәбірленушіге оның еркіне қарсы баруға;", "посещать потерпевшего вопреки его воле;"},
            Prohibition.CONTACTING_VICTIM,
            new String[] {
                "жәбірленушімен, оның ішінде кәмелетке толмаған отбасы мүшелерімен, ауызша, телефон арқылы сөйлесуге"
                        + " және өзге де тәсілдермен байланысқа түсуге;",
                "вести с потерпевшим, в том числе с несовершеннолетними членами семьи, устные, телефонные переговоры"
                        + " и иными способами вступать в контакт;"
            }));

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final float MARGIN = 56;
    private static final float QR_SIZE = 128;

    private final byte[] font;
    private final ZoneId zone;

    DocumentRendering(ZoneId zone) {
        this.zone = zone;
        try (InputStream in = DocumentRendering.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("fonts/DejaVuSans.ttf is missing from the classpath");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(Content content) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle("Қорғау нұсқамасы / Защитное предписание № " + content.orderNumber());
            information.setProducer("Qorgau");
            // A subset of the font is embedded: only the glyphs the page uses.
            PDType0Font type = PDType0Font.load(document, new java.io.ByteArrayInputStream(font), true);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                Writer writer = new Writer(stream, type, page.getMediaBox());
                writeText(writer, content);
                // Under the code, with its quiet zone: the writer's next line is where it starts.
                drawQr(stream, content.verificationLink(), MARGIN, writer.y());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the offender's document could not be drawn", e);
        }
    }

    private void writeText(Writer writer, Content content) throws IOException {
        writer.paragraph(15, "ҚОРҒАУ НҰСҚАМАСЫ № " + content.orderNumber());
        writer.paragraph(15, "ЗАЩИТНОЕ ПРЕДПИСАНИЕ № " + content.orderNumber());
        writer.gap();
        writer.paragraph(11, "Кімге / Кому: " + content.offenderName());
        writer.gap();
        writer.line(12, "Сізге тыйым салынады:");
        for (Prohibition prohibition : content.prohibitions()) {
            writer.paragraph(11, "– " + BANS.get(prohibition)[0]);
        }
        writer.line(12, "Вам запрещается:");
        for (Prohibition prohibition : content.prohibitions()) {
            writer.paragraph(11, "– " + BANS.get(prohibition)[1]);
        }
        writer.gap();
        if (content.servedAt() != null && content.validUntil() != null) {
            String from = DATE_TIME.format(content.servedAt().atZone(zone));
            String until = DATE_TIME.format(content.validUntil().atZone(zone));
            writer.paragraph(11, "Мерзімі: " + from + " бастап " + until + " дейін.");
            writer.paragraph(11, "Срок действия: с " + from + " до " + until + ".");
        } else {
            writer.paragraph(11, "Мерзімі: тапсырылған күннен бастап " + content.termDays() + " тәулік.");
            writer.paragraph(11, "Срок действия: " + content.termDays() + " суток со дня вручения.");
        }
        LegalBasis basis = content.legalBasis();
        writer.paragraph(
                11,
                "Құқықтық негіз / Правовое основание: " + basis.law() + ", " + basis.article() + " (" + basis.version()
                        + ").");
        writer.paragraph(
                11,
                "Сұрақтар бойынша / По вопросам обращайтесь: " + content.policeUnit()
                        + ". Шұғыл жағдайда / В экстренных случаях: 102.");
        writer.gap();
        writer.paragraph(11, "Құжаттың түпнұсқалығын тексеру / Проверка подлинности документа:");
        writer.line(14, content.code().grouped());
        writer.paragraph(9, content.verificationPage().toString());
    }

    private static void drawQr(PDPageContentStream stream, String link, float left, float top) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            link,
                            com.google.zxing.BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("the verification link does not fit a QR code", e);
        }
        float module = QR_SIZE / matrix.getWidth();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    stream.addRect(left + x * module, top - (y + 1) * module, module, module);
                }
            }
        }
        stream.fill();
    }

    /** Lines from the top of the page down, wrapped to the page's width within its margins. */
    private static final class Writer {

        private final PDPageContentStream stream;
        private final PDType0Font font;
        private final float left;
        private final float width;
        private float y;

        Writer(PDPageContentStream stream, PDType0Font font, PDRectangle box) {
            this.stream = stream;
            this.font = font;
            this.left = MARGIN;
            this.width = box.getWidth() - 2 * MARGIN;
            this.y = box.getHeight() - MARGIN - 16;
        }

        /** One line of the document's own wording (headings, the code): every character in the font. */
        void line(float size, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(left, y);
            stream.showText(text);
            stream.endText();
            y -= size * 1.4f;
        }

        /** Text that may hold anything a person typed (names, units): drawn as far as the font can. */
        void paragraph(float size, String text) throws IOException {
            for (String line : wrap(drawable(text), size)) {
                line(size, line);
            }
        }

        void gap() {
            y -= 8;
        }

        /** The top of the next line. */
        float y() {
            return y;
        }

        /**
         * The text with every character the font has no glyph for (a name in a script DejaVu Sans lacks,
         * an emoji) shown as '?': a name no font draws must not stop the document from being printed.
         */
        private String drawable(String text) {
            StringBuilder drawable = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    drawable.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    drawable.append('?');
                }
            });
            return drawable.toString();
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
