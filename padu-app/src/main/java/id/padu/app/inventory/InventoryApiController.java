package id.padu.app.inventory;

import id.padu.app.inventory.InventoryJson.AgencyJson;
import id.padu.app.inventory.InventoryJson.LinkJson;
import id.padu.app.inventory.InventoryJson.OfferJson;
import id.padu.app.inventory.InventoryJson.ServiceJson;
import id.padu.app.inventory.InventoryJson.SubscriptionJson;
import id.padu.app.security.CurrentUser;
import id.padu.app.shared.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON CRUD of the inventory.
 * <pre>
 * /api/agencies                              GET list, POST create
 * /api/agencies/{code}                       GET, PUT (may rename), DELETE (with its rows and usage)
 * /api/agencies/{code}/subscriptions         GET list, POST create (agency taken from the path)
 * /api/subscriptions, /api/subscriptions/{id} GET list; GET, PUT, DELETE
 * /api/offers, /api/offers/{id}              GET list, POST; GET, PUT, DELETE
 * /api/agencies/{code}/link                  GET, PUT (create or replace), DELETE
 * /api/links                                 GET list
 * /api/agencies/{code}/services              GET list, POST create
 * /api/services, /api/services/{id}          GET list; GET, PUT, DELETE
 * </pre>
 */
@RestController
@RequestMapping("/api")
class InventoryApiController {

    private final InventoryService inventory;

    InventoryApiController(InventoryService inventory) {
        this.inventory = inventory;
    }

    @ExceptionHandler(InventoryException.class)
    ErrorResponseException inventoryProblem(InventoryException e) {
        if (e instanceof InventoryException.NotFound) {
            return ApiProblems.notFound(e.getMessage());
        }
        if (e instanceof InventoryException.Conflict || e instanceof InventoryException.Referenced) {
            return ApiProblems.conflict(e.getMessage());
        }
        if (e instanceof InventoryException.UnknownAgency u) {
            return ApiProblems.invalid("agency", u.code, "no agency with this code");
        }
        return ApiProblems.invalid("body", null, e.getMessage());
    }

    @ExceptionHandler(InventoryService.TotalTooLarge.class)
    ErrorResponseException totalTooLarge(InventoryService.TotalTooLarge e) {
        return ApiProblems.invalid(e.field(), e.total(), e.getMessage());
    }

    // ---- agencies

    @Tag(name = "agencies")
    @GetMapping("/agencies")
    @Operation(summary = "All agencies, ordered by code")
    List<AgencyJson> agencies() {
        // An agency operator's list holds their own agency only.
        return inventory.agencies().stream().filter(a -> CurrentUser.maySee(a.code())).map(AgencyJson::of).toList();
    }

    @Tag(name = "agencies")
    @GetMapping("/agencies/{code}")
    AgencyJson agency(@PathVariable String code) {
        return inventory.agency(code).map(AgencyJson::of).orElseThrow(() -> ApiProblems.notFound("agency " + code + " not found"));
    }

    @Tag(name = "agencies")
    @PostMapping("/agencies")
    ResponseEntity<AgencyJson> createAgency(@Valid @RequestBody AgencyJson body) {
        inventory.createAgency(body.toDomain());
        return ResponseEntity.created(URI.create("/api/agencies/" + body.code()))
                .body(AgencyJson.of(inventory.agency(body.code()).orElseThrow()));
    }

    @Tag(name = "agencies")
    @PutMapping("/agencies/{code}")
    @Operation(summary = "Update an agency; a different code in the body renames it",
            description = "A rename moves every record that carries the code (operators, requests, SNMP targets, "
                    + "measurements, migration rows, plan of record, scenarios, review answers) in one transaction")
    AgencyJson updateAgency(@PathVariable String code, @Valid @RequestBody AgencyJson body) {
        inventory.updateAgency(code, body.toDomain());
        return AgencyJson.of(inventory.agency(body.code()).orElseThrow());
    }

    @Tag(name = "agencies")
    @DeleteMapping("/agencies/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an agency with its subscriptions, link, services, usage and measurements",
            description = "409 with a sentence naming them while operators, bandwidth requests, SNMP targets, migration "
                    + "rows, the plan of record in force or review answers still refer to it")
    void deleteAgency(@PathVariable String code) {
        inventory.deleteAgency(code);
    }

    // ---- subscriptions

    @Tag(name = "subscriptions")
    @GetMapping("/subscriptions")
    List<SubscriptionJson> subscriptions() {
        return inventory.subscriptions(null).stream().map(SubscriptionJson::of).toList();
    }

    @Tag(name = "subscriptions")
    @GetMapping("/agencies/{code}/subscriptions")
    List<SubscriptionJson> subscriptionsOf(@PathVariable String code) {
        requireAgency(code);
        return inventory.subscriptions(code).stream().map(SubscriptionJson::of).toList();
    }

    @Tag(name = "subscriptions")
    @PostMapping("/agencies/{code}/subscriptions")
    ResponseEntity<SubscriptionJson> createSubscription(@PathVariable String code, @Valid @RequestBody SubscriptionJson body) {
        requireAgency(code);
        if (!code.equals(body.agency())) {
            throw ApiProblems.invalid("agency", body.agency(), "must equal the agency of the path (" + code + ")");
        }
        long id = inventory.createSubscription(body.toDomain());
        return ResponseEntity.created(URI.create("/api/subscriptions/" + id))
                .body(SubscriptionJson.of(inventory.subscription(id).orElseThrow()));
    }

    @Tag(name = "subscriptions")
    @GetMapping("/subscriptions/{id}")
    SubscriptionJson subscription(@PathVariable long id) {
        return inventory.subscription(id).map(SubscriptionJson::of)
                .orElseThrow(() -> ApiProblems.notFound("subscription " + id + " not found"));
    }

    @Tag(name = "subscriptions")
    @PutMapping("/subscriptions/{id}")
    SubscriptionJson updateSubscription(@PathVariable long id, @Valid @RequestBody SubscriptionJson body) {
        inventory.updateSubscription(id, body.toDomain());
        return SubscriptionJson.of(inventory.subscription(id).orElseThrow());
    }

    @Tag(name = "subscriptions")
    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSubscription(@PathVariable long id) {
        inventory.deleteSubscription(id);
    }

    // ---- offers

    @Tag(name = "offers")
    @GetMapping("/offers")
    List<OfferJson> offers() {
        return inventory.offers().stream().map(OfferJson::of).toList();
    }

    @Tag(name = "offers")
    @GetMapping("/offers/{id}")
    OfferJson offer(@PathVariable long id) {
        return inventory.offer(id).map(OfferJson::of).orElseThrow(() -> ApiProblems.notFound("offer " + id + " not found"));
    }

    @Tag(name = "offers")
    @PostMapping("/offers")
    ResponseEntity<OfferJson> createOffer(@Valid @RequestBody OfferJson body) {
        long id = inventory.createOffer(body.toDomain());
        return ResponseEntity.created(URI.create("/api/offers/" + id)).body(OfferJson.of(inventory.offer(id).orElseThrow()));
    }

    @Tag(name = "offers")
    @PutMapping("/offers/{id}")
    OfferJson updateOffer(@PathVariable long id, @Valid @RequestBody OfferJson body) {
        inventory.updateOffer(id, body.toDomain());
        return OfferJson.of(inventory.offer(id).orElseThrow());
    }

    @Tag(name = "offers")
    @DeleteMapping("/offers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOffer(@PathVariable long id) {
        inventory.deleteOffer(id);
    }

    // ---- links

    @Tag(name = "links")
    @GetMapping("/links")
    List<LinkJson> links() {
        return inventory.links().stream().map(LinkJson::of).toList();
    }

    @Tag(name = "links")
    @GetMapping("/agencies/{code}/link")
    LinkJson link(@PathVariable String code) {
        requireAgency(code);
        return inventory.link(code).map(LinkJson::of).orElseThrow(() -> ApiProblems.notFound("agency " + code + " has no link"));
    }

    @Tag(name = "links")
    @PutMapping("/agencies/{code}/link")
    @Operation(summary = "Create or replace the agency's link to the hub")
    LinkJson putLink(@PathVariable String code, @Valid @RequestBody LinkJson body) {
        requireAgency(code);
        inventory.putLink(body.toDomain(code));
        return LinkJson.of(inventory.link(code).orElseThrow());
    }

    @Tag(name = "links")
    @DeleteMapping("/agencies/{code}/link")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLink(@PathVariable String code) {
        inventory.deleteLink(code);
    }

    // ---- services

    @Tag(name = "services")
    @GetMapping("/services")
    List<ServiceJson> services() {
        return inventory.services(null).stream().map(ServiceJson::of).toList();
    }

    @Tag(name = "services")
    @GetMapping("/agencies/{code}/services")
    List<ServiceJson> servicesOf(@PathVariable String code) {
        requireAgency(code);
        return inventory.services(code).stream().map(ServiceJson::of).toList();
    }

    @Tag(name = "services")
    @PostMapping("/agencies/{code}/services")
    ResponseEntity<ServiceJson> createService(@PathVariable String code, @Valid @RequestBody ServiceJson body) {
        requireAgency(code);
        if (!code.equals(body.agency())) {
            throw ApiProblems.invalid("agency", body.agency(), "must equal the agency of the path (" + code + ")");
        }
        long id = inventory.createService(body.toDomain());
        return ResponseEntity.created(URI.create("/api/services/" + id)).body(ServiceJson.of(inventory.service(id).orElseThrow()));
    }

    @Tag(name = "services")
    @GetMapping("/services/{id}")
    ServiceJson service(@PathVariable long id) {
        return inventory.service(id).map(ServiceJson::of).orElseThrow(() -> ApiProblems.notFound("service " + id + " not found"));
    }

    @Tag(name = "services")
    @PutMapping("/services/{id}")
    ServiceJson updateService(@PathVariable long id, @Valid @RequestBody ServiceJson body) {
        inventory.updateService(id, body.toDomain());
        return ServiceJson.of(inventory.service(id).orElseThrow());
    }

    @Tag(name = "services")
    @DeleteMapping("/services/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteService(@PathVariable long id) {
        inventory.deleteService(id);
    }

    private void requireAgency(String code) {
        if (inventory.agency(code).isEmpty()) {
            throw ApiProblems.notFound("agency " + code + " not found");
        }
    }
}
