package id.padu.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The app's packages form Spring Modulith modules without cycles or reaching into internals; the
 * command line is a consumer of the modules, never a provider to them; and the module diagrams in
 * docs/modules are the ones the code gives today.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PaduApplication.class);

    /** Where the generated module documentation is kept, for a newcomer to read (see docs/architecture.md). */
    static final Path DOCS = Path.of("..", "docs", "modules");

    @Test
    void modulesAreWellFormed() {
        MODULES.verify();
    }

    @Test
    void noModuleDependsOnTheCommandLine() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.padu.app");
        noClasses().that().resideOutsideOfPackage("id.padu.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("id.padu.app.cli..")
                .because("the CLI calls the modules; a module that needed the CLI would tie the server to it")
                .check(app);
    }

    /**
     * The diagrams in docs/modules are regenerated into target/ and compared: a change of the
     * modules' dependencies must come with its diagram. {@code -Dpadu.docs.update=true} writes
     * them into docs/modules instead.
     */
    @Test
    void theModuleDiagramsInDocsAreCurrent() throws IOException {
        boolean update = Boolean.getBoolean("padu.docs.update");
        Path out = update ? DOCS : Path.of("target", "spring-modulith-docs");
        // Plain UML rather than C4: Debian's PlantUML renders it without a newer C4 library.
        Documenter.DiagramOptions uml = Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML);
        new Documenter(MODULES, out.toString()).writeModulesAsPlantUml(uml).writeIndividualModulesAsPlantUml(uml);
        if (update) {
            return;
        }
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path generated : files.filter(f -> f.toString().endsWith(".puml")).sorted().toList()) {
                Path kept = DOCS.resolve(generated.getFileName());
                if (!Files.exists(kept) || !lines(kept).equals(lines(generated))) {
                    stale.add(generated.getFileName().toString());
                }
            }
        }
        assertThat(stale).as("diagrams in docs/modules that differ from the code (regenerate with "
                + "./mvnw -pl padu-core,padu-app -am test -Dtest=ModularityTest -Dpadu.docs.update=true)").isEmpty();
    }

    /** The diagram's lines in order: the generator lists modules in the order it found them. */
    private static List<String> lines(Path puml) throws IOException {
        return Files.readAllLines(puml, StandardCharsets.UTF_8).stream().sorted().toList();
    }
}
