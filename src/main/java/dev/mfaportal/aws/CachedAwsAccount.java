package dev.mfaportal.aws;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.stereotype.Component;

/**
 * {@link AwsAccount} as the portal's own identity sees it. Looked up on first use, not at startup (AWS
 * being away must not stop the portal from starting), and kept once known: neither changes while the
 * portal runs.
 */
@Component
class CachedAwsAccount implements AwsAccount {

	private static final Logger logger = LoggerFactory.getLogger(CachedAwsAccount.class);

	private final StsClient sts;

	private final IamClient iam;

	private volatile String accountId;

	private volatile String alias;

	CachedAwsAccount(StsClient sts, IamClient iam) {
		this.sts = sts;
		this.iam = iam;
	}

	@Override
	public String accountId() {
		String known = this.accountId;
		if (known == null) {
			try {
				known = this.sts.getCallerIdentity().account();
			}
			catch (SdkException ex) {
				throw AwsErrorTranslator.translate("GetCallerIdentity", ex, AwsErrorTranslator.Signer.PORTAL);
			}
			this.accountId = known;
		}
		return known;
	}

	@Override
	public String displayName() {
		String known = this.alias;
		if (known != null) {
			return known;
		}
		try {
			List<String> aliases = this.iam.listAccountAliases().accountAliases();
			known = aliases.isEmpty() ? accountId() : aliases.get(0);
			this.alias = known;
			return known;
		}
		catch (SdkException ex) {
			// Only a label: the account id will do until the alias can be read (not cached, so it is retried).
			AwsCallException translated = AwsErrorTranslator.translate("ListAccountAliases", ex, AwsErrorTranslator.Signer.PORTAL);
			logger.warn("Cannot read the account alias ({}, request id {}); showing the account id",
					translated.errorCode(), translated.requestId());
			return accountId();
		}
	}

}
