package id.padu.app.gateway;

import java.util.Optional;

/** The three rendering targets of {@code padu shape render}, with the file name a download gets. */
enum Target {
    LINUX_TC("linux-tc", "padu-shape.sh", "text/x-shellscript"),
    ROUTEROS("routeros", "padu.rsc", "text/plain"),
    LIBREQOS("libreqos", "padu-libreqos.zip", "application/zip");

    final String code;
    final String fileName;
    final String mediaType;

    Target(String code, String fileName, String mediaType) {
        this.code = code;
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String code() {
        return code;
    }

    public String fileName() {
        return fileName;
    }

    static Optional<Target> fromCode(String code) {
        for (Target t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
