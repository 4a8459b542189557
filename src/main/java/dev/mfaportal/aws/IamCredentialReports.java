package dev.mfaportal.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;

import org.springframework.stereotype.Component;

/**
 * {@link CredentialReports} on IAM, signed by the portal's own identity. The three "no report" errors
 * ({@code ReportInProgress} 404, {@code ReportNotPresent} and {@code ReportExpired} 410) are states of the
 * report, caught by their SDK classes before anything is translated.
 */
@Component
class IamCredentialReports implements CredentialReports {

	private final IamClient iam;

	IamCredentialReports(IamClient iam) {
		this.iam = iam;
	}

	@Override
	public Generation generate() {
		return switch (PortalCalls.call("GenerateCredentialReport", () -> this.iam.generateCredentialReport().state())) {
			case STARTED -> Generation.STARTED;
			case COMPLETE -> Generation.COMPLETE;
			// INPROGRESS, and a state this SDK does not know: look again later.
			default -> Generation.IN_PROGRESS;
		};
	}

	@Override
	public Report fetch() {
		try {
			GetCredentialReportResponse report = this.iam.getCredentialReport();
			// Content is a blob in the API model: the SDK has already undone the wire's Base64.
			return Report.ready(report.content().asByteArray(), report.generatedTime());
		}
		catch (CredentialReportNotReadyException ex) {
			return Report.notReady(Status.IN_PROGRESS);
		}
		catch (CredentialReportNotPresentException ex) {
			return Report.notReady(Status.NOT_PRESENT);
		}
		catch (CredentialReportExpiredException ex) {
			return Report.notReady(Status.EXPIRED);
		}
		catch (SdkException ex) {
			throw AwsErrorTranslator.translate("GetCredentialReport", ex, AwsErrorTranslator.Signer.PORTAL);
		}
	}

}
