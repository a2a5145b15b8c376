package id.padu.app.security;

import id.padu.app.shared.ApiProblems;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Each user's own API tokens: create (the token is in this one answer only), list, revoke. */
@RestController
@RequestMapping("/api/tokens")
class TokensApiController {

    private final ApiTokens tokens;

    TokensApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** {@code expiresInDays}: 1 to 3650, or none (until revoked); {@code readOnly}: GET, HEAD, OPTIONS only. */
    record NewToken(String name, Integer expiresInDays, Boolean readOnly) {
    }

    @GetMapping
    List<ApiTokens.TokenInfo> list(Principal me) {
        return tokens.list(me.getName());
    }

    @PostMapping
    ResponseEntity<ApiTokens.Created> create(Principal me, @RequestBody NewToken body) {
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw ApiProblems.invalid("name", body == null ? null : body.name(), "a name of 1 to 200 characters");
        }
        if (body.expiresInDays() != null && (body.expiresInDays() < 1 || body.expiresInDays() > ApiTokens.MAX_DAYS)) {
            throw ApiProblems.invalid("expiresInDays", body.expiresInDays(), "1 to " + ApiTokens.MAX_DAYS + " days, or none");
        }
        ApiTokens.Created created = tokens.create(me.getName(), body.name().trim(), body.expiresInDays(),
                Boolean.TRUE.equals(body.readOnly()));
        return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Principal me, @PathVariable long id) {
        if (!tokens.revoke(me.getName(), id)) {
            throw ApiProblems.notFound("token " + id + " not found");
        }
    }
}
