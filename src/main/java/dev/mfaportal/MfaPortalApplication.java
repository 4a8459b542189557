package dev.mfaportal;

import dev.mfaportal.database.MigrateOnly;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MfaPortalApplication {

	public static void main(String[] args) {
		// The schema owner's run (docs/deployment.md): migrates and exits, and nothing of the portal starts.
		if (MigrateOnly.requested(args)) {
			System.exit(MigrateOnly.run(args));
		}
		SpringApplication.run(MfaPortalApplication.class, args);
	}

}
