/**
 * What every page shares: the layout fragments, the home page and the error pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "aws", "audit", "kernel" })
package dev.mfaportal.web;
