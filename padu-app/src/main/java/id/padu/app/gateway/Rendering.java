package id.padu.app.gateway;

import id.padu.domain.Agency;
import id.padu.plan.Plan;
import id.padu.shaping.LibreQosRenderer;
import id.padu.shaping.LinuxTcRenderer;
import id.padu.shaping.RouterOsRenderer;
import id.padu.shaping.ShapingException;
import id.padu.shaping.ShapingOptions;
import id.padu.shaping.ShapingPolicy;
import id.padu.shaping.ShapingWarning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A plan rendered for all three targets with the same options, from the same numbers
 * ({@link ShapingPolicy}) as {@code padu shape render}. {@link #text(Target)} is what is stored and
 * compared: for LibreQoS both files, each after a {@code ==> name <==} line (as {@code head} prints
 * several files), so that one diff covers the folder.
 */
record Rendering(Map<Target, String> texts, Map<String, String> libreQosFiles, List<ShapingWarning> warnings) {

    static Rendering of(List<Agency> agencies, Plan plan, ShapingOptions options) throws ShapingException {
        ShapingPolicy policy = ShapingPolicy.of(agencies, plan, options);
        Map<Target, String> texts = new EnumMap<>(Target.class);
        texts.put(Target.LINUX_TC, LinuxTcRenderer.render(policy, options));
        texts.put(Target.ROUTEROS, RouterOsRenderer.render(policy, options));
        Map<String, String> files = LibreQosRenderer.render(policy);
        StringBuilder folder = new StringBuilder();
        files.forEach((name, content) -> folder.append("==> ").append(name).append(" <==\n").append(content)
                .append(content.endsWith("\n") ? "" : "\n"));
        texts.put(Target.LIBREQOS, folder.toString());
        return new Rendering(texts, files, policy.warnings());
    }

    String text(Target t) {
        return texts.get(t);
    }

    /** The download of a target: the script itself, or the LibreQoS folder as a zip. */
    byte[] download(Target t) {
        if (t != Target.LIBREQOS) {
            return text(t).getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : libreQosFiles.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
