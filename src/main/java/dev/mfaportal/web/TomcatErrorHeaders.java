package dev.mfaportal.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import dev.mfaportal.identity.PortalHeaders;

/**
 * S26 for the answers Tomcat gives itself, before the portal sees the request: 400 for a malformed request
 * line or header, 405 for TRACE. They carry the portal's security headers ({@link PortalHeaders}) and say no
 * more than the status: no report, no server version. Tomcat's error report valve is replaced by one that
 * adds the headers; it runs after Boot's customizer, which installs the plain valve.
 * <p>
 * A TRACE that Tomcat refuses, like any error Tomcat passes to the portal's error page itself, is rendered on an
 * error dispatch, where Spring Security writes no headers: {@link ErrorPageHeaders} writes them there.
 */
@Component
class TomcatErrorHeaders implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Pipeline host = context.getParent().getPipeline();
			for (Valve valve : host.getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.removeValve(valve);
				}
			}
			host.addValve(new HeaderWritingErrorReportValve());
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

	/** Tomcat's valve, quiet, with the portal's headers on what it reports. */
	static final class HeaderWritingErrorReportValve extends ErrorReportValve {

		HeaderWritingErrorReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (response.getStatus() >= 400 && !response.isCommitted()) {
				PortalHeaders.writeTo(request, response);
			}
			super.report(request, response, throwable);
		}

	}

}
