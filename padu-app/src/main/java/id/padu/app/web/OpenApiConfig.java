package id.padu.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (UI at /swagger-ui.html). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI paduOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Padu API").version("v1")
                        .description("Inventory (agencies, subscriptions, offers, links, services), usage and datasets. "
                                + "Rates in bits per second, money in whole Rupiah, times ISO-8601 (UTC). Errors are RFC 9457 "
                                + "problem details; validation problems list {field, value, message}. Authentication: HTTP Basic."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
