package newsroom.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.Constraint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every problem type and every rule name the server can emit is explained in {@code docs/api-errors.md}. The
 * domain's rules are found by reflection (every enum of the core with a {@code ruleName()}, every exception
 * the core raises), so a rule added in the domain fails this test until it is documented.
 */
class ApiErrorsDocumentedTest {

    private static final Path DOC = Path.of("..", "docs", "api-errors.md");

    private static String doc;
    private static JavaClasses core;
    private static JavaClasses api;

    @BeforeAll
    static void read() throws IOException {
        doc = Files.readString(DOC);
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        JavaClasses all = importer.importPackages("newsroom");
        core = all.that(new com.tngtech.archunit.base.DescribedPredicate<>("in the domain module") {
            @Override
            public boolean test(JavaClass javaClass) {
                return !javaClass.getPackageName().startsWith("newsroom.api");
            }
        });
        api = importer.importPackages("newsroom.api");
    }

    @Test
    void everyProblemTypeHasASection() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(doc).as("section for %s", type.uri()).contains("### " + type.uri());
        }
    }

    @Test
    void everyInputRuleAndConflictRuleIsExplained() {
        for (InputRule rule : InputRule.values()) {
            assertThat(doc).as("input rule %s", rule.code()).contains("`" + rule.code() + "`");
        }
        for (ConflictRule rule : ConflictRule.values()) {
            assertThat(doc).as("rule %s", rule.ruleName()).contains("`" + rule.ruleName() + "`");
        }
    }

    @Test
    void everyNamedRuleOfTheDomainIsExplained() throws ReflectiveOperationException {
        Set<String> names = new TreeSet<>();
        for (JavaClass javaClass : core) {
            Class<?> type = javaClass.reflect();
            if (!type.isEnum()) {
                continue;
            }
            Method ruleName = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals("ruleName")
                    && m.getParameterCount() == 0 && m.getReturnType() == String.class).findFirst().orElse(null);
            if (ruleName != null) {
                for (Object constant : type.getEnumConstants()) {
                    names.add((String) ruleName.invoke(constant));
                }
            } else if (type.getSimpleName().endsWith("Rule")) {
                for (Object constant : type.getEnumConstants()) {
                    names.add(((Enum<?>) constant).name());
                }
            }
        }
        assertThat(names).as("the domain's named rules").hasSizeGreaterThanOrEqualTo(16);
        for (String name : names) {
            assertThat(doc).as("domain rule %s", name).contains("`" + name + "`");
        }
    }

    @Test
    void everyExceptionTheDomainRaisesIsExplained() {
        Set<String> exceptions = new TreeSet<>();
        for (JavaClass javaClass : core) {
            if (javaClass.isAssignableTo(RuntimeException.class) && !javaClass.isAnonymousClass()) {
                exceptions.add(javaClass.getSimpleName());
            }
        }
        assertThat(exceptions).contains("StoryRuleViolation", "PlacementNotFound");
        for (String exception : exceptions) {
            assertThat(doc).as("domain exception %s", exception).contains("`" + exception + "`");
        }
    }

    @Test
    void everyValidationConstraintUsedOnTheApiIsExplained() {
        Set<String> constraints = new TreeSet<>();
        for (JavaClass javaClass : api) {
            Class<?> type = javaClass.reflect();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    collect(component.getAnnotations(), constraints);
                    collect(component.getAnnotatedType(), constraints);
                }
            }
            for (Executable executable : concat(type.getDeclaredMethods(), type.getDeclaredConstructors())) {
                for (Parameter parameter : executable.getParameters()) {
                    collect(parameter.getAnnotations(), constraints);
                    collect(parameter.getAnnotatedType(), constraints);
                }
            }
        }
        assertThat(constraints).contains("NotBlank", "Size");
        for (String constraint : constraints) {
            assertThat(doc).as("constraint %s", constraint).contains("`" + constraint + "`");
        }
    }

    private static List<Executable> concat(Executable[] a, Executable[] b) {
        List<Executable> all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all;
    }

    /** Constraints on a type and on its type arguments, e.g. {@code Set<@NotBlank String>}. */
    private static void collect(AnnotatedType type, Set<String> constraints) {
        collect(type.getAnnotations(), constraints);
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                collect(argument, constraints);
            }
        }
    }

    private static void collect(Annotation[] annotations, Set<String> constraints) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                constraints.add(annotation.annotationType().getSimpleName());
            }
        }
    }
}
