package id.padu.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server: web UI, REST API and collectors. Each direct sub-package is one capability
 * (a Spring Modulith module); {@code id.padu.app.cli} holds the command line, which starts
 * this application only for {@code serve} and {@code demo}.
 */
@SpringBootApplication
public class PaduApplication {

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(PaduApplication.class);
        return app.run(args);
    }
}
