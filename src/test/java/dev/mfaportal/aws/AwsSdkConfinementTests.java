package dev.mfaportal.aws;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Only the aws module may touch the AWS SDK: everything else speaks the portal's own types.
 */
class AwsSdkConfinementTests {

	@Test
	void noProductionClassOutsideTheAwsModuleDependsOnTheAwsSdk() {
		// Only the compiled production classes: dependencies are recorded by name, the SDK need not be imported.
		JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPath(Path.of("target", "classes"));
		noClasses().that()
			.resideOutsideOfPackage("dev.mfaportal.aws..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("software.amazon.awssdk..")
			.because("the aws module is the only code that talks to AWS (docs/architecture.md)")
			.check(production);
	}

}
