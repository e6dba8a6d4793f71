package kz.qorgau.order.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The document handed to the offender, over HTTP on a real PostgreSQL: the PDF is read back (its
 * Kazakh and Russian text, and its QR code from the rendered page), its code verified without a token
 * before and after service, and nothing of the victim is on it. The rate limit comes last: it spends
 * this address's allowance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OffenderDocumentTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    ApiClient officer;
    ApiClient anonymous;

    @BeforeAll
    void openClients() {
        officer = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        anonymous = new ApiClient(port);
    }

    /** The classes sharing this context write as the same personas: each test starts within its write limit. */
    @BeforeEach
    void freshWriteLimits() {
        jdbc.sql("DELETE FROM access_rate_bucket").update();
    }

    @Test
    @Order(1)
    void theDocumentSaysWhatIsForbiddenInKazakhAndRussianAndItsCodeVerifiesWithoutAToken() throws Exception {
        String unit = "ALM-BOSTANDYK-UP-DOC";
        String id = issue(unit);

        HttpResponse<byte[]> printed = print(Persona.OFFICER_A, id);
        assertThat(printed.statusCode()).as(new String(printed.body())).isEqualTo(201);
        assertThat(printed.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        String link;
        try (PDDocument pdf = Loader.loadPDF(printed.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(pdf);
            link = qrCode(new PDFRenderer(pdf).renderImageWithDPI(0, 150));
        }
        assertThat(text)
                .contains("ҚОРҒАУ НҰСҚАМАСЫ", "ЗАЩИТНОЕ ПРЕДПИСАНИЕ")
                .contains("Сізге тыйым салынады:", "тұрмыстық зорлық-зомбылық жасауға;")
                .contains("Вам запрещается:", "совершать бытовое насилие;")
                .contains("Ахметов Ерлан Серикович")
                .contains(unit, "102")
                .contains("30 тәулік", "30 суток");
        // Nothing of the victim: name, IIN, phone, e-mail.
        assertThat(text)
                .doesNotContain("Айгерим", OrderRequests.VICTIM_IIN, OrderRequests.VICTIM_EMAIL)
                .doesNotContain(OrderRequests.VICTIM_PHONE, OrderRequests.VICTIM_PHONE.substring(1))
                .doesNotContain(OrderRequests.OFFENDER_IIN);

        // The QR code opens the verification page with the printed code after '#'.
        assertThat(link).startsWith("http://localhost:" + port + "/verify.html#");
        String code = link.substring(link.indexOf('#') + 1);
        assertThat(text).contains(VerificationCode.parse(code).orElseThrow().grouped());
        assertThat(text).doesNotContain(id);

        assertThat(verify(code)).isEqualTo(Map.of("genuine", true, "inForce", false));
        HttpResponse<String> served = officer.post(
                "/api/v1/orders/" + id + "/service", "{\"method\": \"SIGNED\"}", Map.of("If-Match", "\"v1\""));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(verify(code)).isEqualTo(Map.of("genuine", true, "inForce", true));
        // As typed from paper: lower case, spaces.
        assertThat(verify(VerificationCode.parse(code)
                        .orElseThrow()
                        .grouped()
                        .toLowerCase()
                        .replace('-', ' ')))
                .isEqualTo(Map.of("genuine", true, "inForce", true));

        // A copy printed after service shows the term's dates; both copies verify.
        HttpResponse<byte[]> second = print(Persona.OFFICER_A, id);
        assertThat(second.statusCode()).isEqualTo(201);
        try (PDDocument pdf = Loader.loadPDF(second.body())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Срок действия: с ")
                    .contains("Мерзімі: ");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM offender_document WHERE order_id = :id")
                        .param("id", java.util.UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    @Order(2)
    void anUnknownCodeIsNotGenuineAndNoCodeIsAProblem() {
        assertThat(verify(VerificationCode.random().text())).isEqualTo(Map.of("genuine", false, "inForce", false));

        HttpResponse<String> malformed =
                anonymous.post(DocumentVerificationController.PATH, "{\"code\": \"not-a-code\"}", Map.of());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ApiClient.json(malformed).get("type").asString())
                .isEqualTo("urn:qorgau:problem:not-a-verification-code");

        HttpResponse<String> empty = anonymous.post(DocumentVerificationController.PATH, "{}", Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(3)
    void onlyTheOrdersDistrictPrintsAndAnEndedOrderGetsNoNewCopy() {
        String id = issue("ALM-BOSTANDYK-UP-DOC2");

        HttpResponse<byte[]> otherDistrict = print(Persona.OFFICER_B, id);
        assertThat(otherDistrict.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> withoutToken = print(null, id);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> auditor = print(Persona.AUDITOR, id);
        assertThat(auditor.statusCode()).isEqualTo(403);

        HttpResponse<String> voided = officer.as(Persona.SUPERVISOR_A)
                .post(
                        "/api/v1/orders/" + id + "/void",
                        "{\"reason\": \"ENTERED_IN_ERROR\"}",
                        Map.of("If-Match", "\"v1\""));
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        HttpResponse<byte[]> ended = print(Persona.OFFICER_A, id);
        assertThat(ended.statusCode()).isEqualTo(409);
        assertThat(new String(ended.body())).contains("urn:qorgau:problem:order-ended");
    }

    @Test
    @Order(4)
    void aNameInAScriptTheFontLacksIsPrintedAsQuestionMarksNotRefused() throws Exception {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid("ALM-BOSTANDYK-UP-DOC3")
                .replace("\"lastName\": \"Ахметов\"", "\"lastName\": \"王🙂\""));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);

        HttpResponse<byte[]> printed =
                print(Persona.OFFICER_A, ApiClient.json(issued).get("id").asString());
        assertThat(printed.statusCode()).as(new String(printed.body())).isEqualTo(201);
        try (PDDocument pdf = Loader.loadPDF(printed.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("?? Ерлан Серикович");
        }
    }

    @Test
    @Order(5)
    void theVerificationPageLoadsWithoutAToken() {
        HttpResponse<String> page = anonymous.get("/verify.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/v1/document-verifications").contains("location.hash");
    }

    @Test
    @Order(6)
    void oneAddressIsLimitedAndToldWhenToComeBack() {
        String unknown = VerificationCode.random().text();
        HttpResponse<String> answer = null;
        for (int i = 0; i < 25; i++) {
            answer = anonymous.post(DocumentVerificationController.PATH, "{\"code\": \"" + unknown + "\"}", Map.of());
            if (answer.statusCode() != 200) {
                break;
            }
        }
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(ApiClient.json(answer).get("type").asString())
                .isEqualTo("urn:qorgau:problem:too-many-verifications");
    }

    private String issue(String unit) {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid(unit));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return ApiClient.json(issued).get("id").asString();
    }

    private Map<String, Object> verify(String code) {
        HttpResponse<String> answer =
                anonymous.post(DocumentVerificationController.PATH, "{\"code\": \"" + code + "\"}", Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode json = ApiClient.json(answer);
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("genuine", "inForce");
        return Map.of(
                "genuine",
                json.get("genuine").asBoolean(),
                "inForce",
                json.get("inForce").asBoolean());
    }

    private HttpResponse<byte[]> print(Persona persona, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/orders/" + id + "/documents"))
                .header("Accept", "application/pdf, application/problem+json")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (persona != null) {
            request.header(
                    "Authorization", "Bearer " + infrastructure.identity().token(persona));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String qrCode(BufferedImage page) throws Exception {
        // Kept for a look at the layout: target/offender-document.png.
        javax.imageio.ImageIO.write(page, "png", new java.io.File("target/offender-document.png"));
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                        Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
