package newsroom.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server's feature packages depend on each other in one direction only, and the web layer stays generic. */
@AnalyzeClasses(packages = "newsroom.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("newsroom.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theWebLayerKnowsNoFeature = noClasses().that().resideInAPackage("newsroom.api.web..")
            .should().dependOnClassesThat().resideInAnyPackage("newsroom.api.story..", "newsroom.api.calendar..",
                    "newsroom.api.push..", "newsroom.api.security..", "newsroom.api.campaign..", "newsroom.api.people..");

    @ArchTest
    static final ArchRule storageKnowsNoFeature = noClasses().that().resideInAPackage("newsroom.api.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("newsroom.api.story..", "newsroom.api.calendar..",
                    "newsroom.api.push..", "newsroom.api.security..", "newsroom.api.web..", "newsroom.api.people..");

    /** The user store is below sign-in and permissions: people never reach into security. */
    @ArchTest
    static final ArchRule peopleKnowNothingOfSecurity = noClasses().that().resideInAPackage("newsroom.api.people..")
            .should().dependOnClassesThat().resideInAPackage("newsroom.api.security..");
}
