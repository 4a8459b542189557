/**
 * The portal's own database account: the serving portal connects as an application role that may only read and
 * append the audit log and keep its working tables, never as the schema owner. {@link dev.mfaportal.database.MigrateOnly}
 * is the separate run ({@code --portal.migrate-only=true}) that migrates the schema as the owner and exits; the
 * serving portal refuses to start while migrations are pending ({@code SchemaCheck}) and reports not ready while
 * the application role lacks a grant it needs ({@code GrantsHealthIndicator}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package dev.mfaportal.database;
