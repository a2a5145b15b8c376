package id.padu.app.collection;

import id.padu.app.collection.CollectionInput.Conflict;
import id.padu.app.collection.CollectionInput.Invalid;
import id.padu.app.collection.CollectionInput.ListenerInput;
import id.padu.app.collection.CollectionInput.ListenerView;
import id.padu.app.collection.CollectionInput.NotFound;
import id.padu.app.collection.CollectionInput.TargetInput;
import id.padu.app.collection.CollectionInput.TargetView;
import id.padu.app.shared.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of collection inside the server.
 * <pre>
 * /api/collection/snmp-targets            GET list, POST create
 * /api/collection/snmp-targets/import     POST a targets.csv (text/csv body): all rows or none
 * /api/collection/snmp-targets/{id}       GET, PUT, DELETE
 * /api/collection/flow-listeners          GET list, POST create
 * /api/collection/flow-listeners/{id}     GET, PUT, DELETE
 * /api/collection/status                  GET counters of every target and listener
 * </pre>
 * Secrets (community, authKey, privKey) are accepted, never returned: answers carry
 * {@code communitySet}, {@code authKeySet}, {@code privKeySet}.
 */
@RestController
@RequestMapping("/api/collection")
@Tag(name = "collection", description = "SNMP targets and flow listeners run by the server")
class CollectionApiController {

    private final CollectionService service;
    private final CollectionRuntime runtime;

    CollectionApiController(CollectionService service, CollectionRuntime runtime) {
        this.service = service;
        this.runtime = runtime;
    }

    @ExceptionHandler(Invalid.class)
    ErrorResponseException invalid(Invalid e) {
        return ApiProblems.invalid(e.errors);
    }

    @ExceptionHandler(NotFound.class)
    ErrorResponseException notFound(NotFound e) {
        return ApiProblems.notFound(e.getMessage() + " not found");
    }

    @ExceptionHandler(Conflict.class)
    ErrorResponseException conflict(Conflict e) {
        return ApiProblems.conflict(e.getMessage());
    }

    // ---- SNMP targets

    @GetMapping("/snmp-targets")
    @Operation(summary = "All SNMP targets (secrets only as *Set flags)")
    List<TargetView> targets() {
        return service.targets().stream().map(TargetView::of).toList();
    }

    @GetMapping("/snmp-targets/{id}")
    @Operation(summary = "One SNMP target")
    TargetView target(@PathVariable long id) {
        return TargetView.of(service.target(id));
    }

    @PostMapping("/snmp-targets")
    @Operation(summary = "Add an SNMP target; polling starts once it is stored (if enabled)")
    ResponseEntity<TargetView> createTarget(@RequestBody TargetInput in) {
        TargetView v = TargetView.of(service.createTarget(in));
        return ResponseEntity.created(URI.create("/api/collection/snmp-targets/" + v.id())).body(v);
    }

    @PutMapping("/snmp-targets/{id}")
    @Operation(summary = "Change an SNMP target (absent secrets are kept, empty ones removed); its poller restarts")
    TargetView updateTarget(@PathVariable long id, @RequestBody TargetInput in) {
        return TargetView.of(service.updateTarget(id, in));
    }

    @DeleteMapping("/snmp-targets/{id}")
    @Operation(summary = "Remove an SNMP target and its secrets; its poller stops")
    ResponseEntity<Void> deleteTarget(@PathVariable long id) {
        service.deleteTarget(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/snmp-targets/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Add the targets of a targets.csv (columns of padu collect snmp --targets); all or none")
    List<TargetView> importTargets(@RequestBody byte[] csv, @RequestParam(name = "file", required = false) String file) {
        return service.importTargets(csv, file == null ? "targets.csv" : file).stream().map(TargetView::of).toList();
    }

    // ---- flow listeners

    @GetMapping("/flow-listeners")
    @Operation(summary = "All flow listeners")
    List<ListenerView> listeners() {
        return service.listeners().stream().map(ListenerView::of).toList();
    }

    @GetMapping("/flow-listeners/{id}")
    @Operation(summary = "One flow listener")
    ListenerView listener(@PathVariable long id) {
        return ListenerView.of(service.listener(id));
    }

    @PostMapping("/flow-listeners")
    @Operation(summary = "Add a NetFlow v5/v9/IPFIX listener; it opens its port once stored (if enabled)")
    ResponseEntity<ListenerView> createListener(@RequestBody ListenerInput in) {
        ListenerView v = ListenerView.of(service.createListener(in));
        return ResponseEntity.created(URI.create("/api/collection/flow-listeners/" + v.id())).body(v);
    }

    @PutMapping("/flow-listeners/{id}")
    @Operation(summary = "Change a flow listener; it restarts")
    ListenerView updateListener(@PathVariable long id, @RequestBody ListenerInput in) {
        return ListenerView.of(service.updateListener(id, in));
    }

    @DeleteMapping("/flow-listeners/{id}")
    @Operation(summary = "Remove a flow listener; its port closes")
    ResponseEntity<Void> deleteListener(@PathVariable long id) {
        service.deleteListener(id);
        return ResponseEntity.noContent().build();
    }

    // ---- status

    record Status(List<CollectionRuntime.TargetStatus> snmpTargets, List<CollectionRuntime.ListenerStatus> flowListeners) {
    }

    @GetMapping("/status")
    @Operation(summary = "Per target last poll, polls, timeouts, resets, wraps, current rates; per listener packets, "
            + "records, sets without template, decode errors, sequence gaps, unattributed bytes, loss per exporter")
    Status status() {
        return new Status(runtime.targetStatus(), runtime.listenerStatus());
    }
}
