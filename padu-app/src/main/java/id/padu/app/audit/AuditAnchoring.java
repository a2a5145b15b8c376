package id.padu.app.audit;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log's head outside the database: at start, every
 * {@code padu.audit.anchor-interval} (default 1 h) when rows were added, and at shutdown, as one
 * line appended to {@code padu.audit.anchor-file} (default {@code <data-dir>/audit-anchors.txt})
 * and one line in the server's log (which journald or syslog may keep on another machine). A head
 * whose seal does not match is not anchored: that would vouch for a log someone else changed.
 */
@Component
class AuditAnchoring {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchoring.class);

    private final AuditLog audit;
    private AuditAnchors.Anchor last;
    private boolean lastRead;

    AuditAnchoring(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        anchorQuietly();
    }

    @Scheduled(fixedDelayString = "${padu.audit.anchor-interval:PT1H}", initialDelayString = "${padu.audit.anchor-interval:PT1H}")
    void periodically() {
        anchorQuietly();
    }

    @PreDestroy
    void atStop() {
        anchorQuietly();
    }

    private void anchorQuietly() {
        try {
            anchor();
        } catch (IOException | RuntimeException e) {
            log.error("Audit anchor not written to {}: {}", audit.anchorFile(), e.toString());
        }
    }

    /** Appends the head when it moved since the last anchor; the anchor written, if any. */
    synchronized Optional<AuditAnchors.Anchor> anchor() throws IOException {
        Path file = audit.anchorFile();
        if (!lastRead) {
            List<AuditAnchors.Anchor> all = AuditAnchors.read(file);
            last = all.isEmpty() ? null : all.get(all.size() - 1);
            lastRead = true;
        }
        Optional<AuditAnchors.Anchor> head = audit.sealedHead();
        if (head.isEmpty()) {
            AuditChain.Result chain = audit.verify();
            if (!chain.ok()) {
                log.error("Audit log broken at row {} ({}): no anchor written; run padu audit verify",
                        chain.brokenRow().orElse(0L), chain.reason());
            }
            return Optional.empty();
        }
        AuditAnchors.Anchor a = head.get();
        if (last != null && last.id() == a.id() && last.hash().equals(a.hash())) {
            return Optional.empty();
        }
        AuditAnchors.append(file, a);
        last = a;
        log.info("Audit anchor: row {} hash {} (also in {})", a.id(), a.hash(), file);
        return head;
    }
}
