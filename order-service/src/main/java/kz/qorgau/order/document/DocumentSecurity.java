package kz.qorgau.order.document;

import kz.qorgau.kit.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The verification of an offender's document is public (docs/adr/0026, amending 0010): its page and
 * its one operation need no token. Nothing else of the document does.
 */
@Configuration(proxyBeanMethods = false)
class DocumentSecurity {

    static final String VERIFICATION_PAGE = "/verify.html";

    @Bean
    ApiAuthorization publicDocumentVerification() {
        return requests -> requests.requestMatchers(HttpMethod.GET, VERIFICATION_PAGE)
                .permitAll()
                .requestMatchers(HttpMethod.POST, DocumentVerificationController.PATH)
                .permitAll();
    }
}
