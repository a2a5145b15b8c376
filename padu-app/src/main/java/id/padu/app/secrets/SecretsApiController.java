package id.padu.app.secrets;

import id.padu.app.shared.ApiProblems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Set and remove credentials; reading gives names and dates only, never a value. */
@RestController
class SecretsApiController {

    private final SecretBox box;

    SecretsApiController(SecretBox box) {
        this.box = box;
    }

    record SecretValue(String value) {
    }

    @GetMapping("/api/secrets")
    List<SecretBox.SecretInfo> list() {
        return box.list();
    }

    @PutMapping("/api/secrets/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void put(@PathVariable String name, @RequestBody SecretValue body) {
        if (!name.matches("[A-Za-z0-9._-]{1,200}")) {
            throw ApiProblems.invalid("name", name, "1 to 200 letters, digits or . _ -");
        }
        if (body == null || body.value() == null || body.value().isEmpty() || body.value().length() > 1000) {
            throw ApiProblems.invalid("value", null, "a value of 1 to 1000 characters");
        }
        box.put(name, body.value());
    }

    @DeleteMapping("/api/secrets/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        if (!box.delete(name)) {
            throw ApiProblems.notFound("secret " + name + " not found");
        }
    }
}
