package org.reintegra.tenancy;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service of the platform operator (onboarding organisations): its transaction runs in the
 * platform scope, which is no tenant. The database sees {@link TenancyProperties#PLATFORM_SCOPE} in
 * {@code app.tenant_id}: no tenant's row matches it, only the platform's own tables' policies do.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PlatformBound {
}
