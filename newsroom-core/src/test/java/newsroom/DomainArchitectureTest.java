package newsroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain speaks no web, storage or Spring: a wrong import fails the build. */
@AnalyzeClasses(packages = "newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "jakarta.servlet..",
                    "com.fasterxml.jackson..", "de.bwaldvogel..");
}
