package kz.qorgau.kit.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every error a controller raises is a problem of the kit's vocabulary, and none echoes what was sent. */
class ProblemDetailsAdviceTest {

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void aBadQueryParameterIsAnInvalidRequestNamingIt() throws Exception {
        mvc.perform(get("/things").param("id", "not-a-uuid-secret"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))));
    }

    @Test
    void aMissingParameterOrHeaderIsNamed() throws Exception {
        mvc.perform(get("/things"))
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        mvc.perform(get("/headed"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Qorgau-Purpose"));
    }

    @Test
    void anInvalidBodyListsItsFieldsAndAMalformedOneSaysSo() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:malformed-request"));
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutItsMessage() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:internal-error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))));
    }

    @Test
    void springsOwnRefusalsGetTheKitsTypes() throws Exception {
        mvc.perform(get("/json").accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:not-acceptable"));
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("name"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:unsupported-media-type"));
        mvc.perform(post("/broken"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:method-not-allowed"));
    }

    @Test
    void aQueryParameterTomcatCannotDecodeIsTheClientsFault() throws Exception {
        mvc.perform(get("/undecodable"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:qorgau:problem:rejected-request"));
    }

    record Thing(@NotBlank String name) {}

    @RestController
    static class Things {

        @GetMapping(path = "/json", produces = MediaType.APPLICATION_JSON_VALUE)
        Thing json() {
            return new Thing("a");
        }

        @GetMapping("/undecodable")
        String undecodable() {
            // What Tomcat throws when a handler first reads a parameter that is not percent-encoded UTF-8.
            throw new org.apache.tomcat.util.http.InvalidParameterException("Character decoding failed");
        }

        @GetMapping("/things")
        String thing(@RequestParam UUID id) {
            return id.toString();
        }

        @GetMapping("/headed")
        String headed(@RequestHeader("Qorgau-Purpose") String purpose) {
            return purpose;
        }

        @PostMapping("/things")
        String create(@Valid @RequestBody Thing thing) {
            return thing.name();
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret detail");
        }
    }
}
