package dev.mfaportal.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.PortalMockMvcTest;

/**
 * The whole portal driven through MockMvc ({@link PortalMockMvcTest}). AWS is a mock here: the admin pages only
 * list and remove devices, and the help-desk tests check those calls themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PortalMockMvcTest
@interface AuditWebTest {

}
