package dev.mfaportal.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.identity.PortalHeaders;

/**
 * S26 for the answers Tomcat gives itself, before the portal sees the request: 400 for a malformed request
 * line or header, 405 for TRACE. They carry the portal's security headers ({@link PortalHeaders}) and say no
 * more than the status: no report, no server version. Tomcat's error report valve is replaced by one that
 * adds the headers; it runs after Boot's customizer, which installs the plain valve. Each such refusal is also
 * one {@code request.refused} row (reason {@code malformed-request}, outcome {@code DENIED}, so that a flood of
 * them from one address is counted, S43), with the source address and the status but nothing of the request
 * itself, which Tomcat could not read.
 * <p>
 * A TRACE that Tomcat refuses, like any error Tomcat passes to the portal's error page itself, is rendered on an
 * error dispatch, where Spring Security writes no headers: {@link ErrorPageHeaders} writes them there.
 */
@Component
class TomcatErrorHeaders implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	// Looked up on first use: the web server is made before the database is ready.
	private final ObjectProvider<AuditLog> audit;

	TomcatErrorHeaders(ObjectProvider<AuditLog> audit) {
		this.audit = audit;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Pipeline host = context.getParent().getPipeline();
			for (Valve valve : host.getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.removeValve(valve);
				}
			}
			host.addValve(new HeaderWritingErrorReportValve(this.audit));
			// Else the host adds Tomcat's own valve as it starts, with the report and the server version.
			if (context.getParent() instanceof StandardHost standardHost) {
				standardHost.setErrorReportValveClass(HeaderWritingErrorReportValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Tomcat's valve, quiet, with the portal's headers on what it reports and an audit row for it. */
	static final class HeaderWritingErrorReportValve extends ErrorReportValve {

		private static final Logger logger = LoggerFactory.getLogger(HeaderWritingErrorReportValve.class);

		private final ObjectProvider<AuditLog> audit;

		HeaderWritingErrorReportValve(ObjectProvider<AuditLog> audit) {
			this.audit = audit;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (response.getStatus() >= 400 && !response.isCommitted()) {
				PortalHeaders.writeTo(request, response);
				audit(request, response.getStatus());
			}
			super.report(request, response, throwable);
		}

		/** Never fails the answer: with the audit log down, Tomcat's 400 still goes out, and the log says why. */
		private void audit(Request request, int status) {
			AuditLog log = this.audit.getIfAvailable();
			if (log == null) {
				return;
			}
			// The row's source address comes from the request context, which no filter has set up here.
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request.getRequest()));
			try {
				log.record(AuditEvent.of(ControlCharacterFilter.REFUSED, AuditOutcome.DENIED)
					.detail("reason", "malformed-request")
					.detail("status", status));
			}
			catch (RuntimeException ex) {
				logger.warn("Tomcat refused a malformed request ({}) and its audit row could not be written: {}",
						status, ex.getClass().getName());
			}
			finally {
				RequestContextHolder.resetRequestAttributes();
			}
		}

	}

}
