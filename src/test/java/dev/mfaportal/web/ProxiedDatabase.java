package dev.mfaportal.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts a {@link TcpProxy} between this context's connection pool and the test PostgreSQL (embedded or
 * container, whichever {@code TestDatabaseConfiguration} chose), so a test can take the database away from
 * one portal and give it back, while every other context keeps using the same server.
 */
@TestConfiguration(proxyBeanMethods = false)
class ProxiedDatabase {

	@Bean
	static Link databaseLink() {
		return new Link();
	}

	/** Rewrites the pool's URL to go through the proxy before the pool opens its first connection. */
	static final class Link implements BeanPostProcessor, DisposableBean {

		private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^:/?]+):(\\d+)(/.*)");

		private TcpProxy proxy;

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource pool && this.proxy == null) {
				Matcher url = POSTGRES_URL.matcher(pool.getJdbcUrl());
				if (!url.matches()) {
					throw new IllegalStateException("Not a PostgreSQL URL with host and port: " + pool.getJdbcUrl());
				}
				this.proxy = TcpProxy.to(url.group(1), Integer.parseInt(url.group(2)));
				pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + this.proxy.port() + url.group(3));
			}
			return bean;
		}

		/** The database stops answering: open connections drop, new ones are refused. */
		void cut() {
			this.proxy.cut();
		}

		/** The database host stops answering (a network partition): connections hang instead of failing. */
		void stall() {
			this.proxy.stall();
		}

		void restore() {
			this.proxy.restore();
		}

		@Override
		public void destroy() {
			if (this.proxy != null) {
				this.proxy.close();
			}
		}

	}

}
