package id.padu.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The data folder ({@code padu.data-dir}) and what the server keeps in it (the H2 database, the
 * secret and audit keys, the audit anchors) are for the server's own user only: the folder 0700,
 * its files 0600 (issue #19: H2 made them 0644 in a 0755 folder, so any local user could copy the
 * database). The folder is made (or tightened) before any bean runs, so H2 and the key files are
 * born inside it; once the server has started, the files H2 created with the process's umask are
 * tightened too. Only where the file system has POSIX permissions (not on Windows, whose ACLs apply).
 */
@Component
class DataFolder implements BeanFactoryPostProcessor, EnvironmentAware, ApplicationListener<ApplicationStartedEvent> {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);

    private Path folder;

    @Override
    public void setEnvironment(Environment environment) {
        folder = Path.of(environment.getProperty("padu.data-dir", "./data"));
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        try {
            Files.createDirectories(folder);
            tighten(folder, FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("data folder " + folder, e);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                tighten(f, FILE);
            }
        } catch (IOException e) {
            log.warn("Data folder {}: permissions not checked ({})", folder, e.toString());
        }
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
            if (!now.equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
                log.info("{}: permissions {} -> {} (the server's user only)", path, PosixFilePermissions.toString(now),
                        PosixFilePermissions.toString(wanted));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
