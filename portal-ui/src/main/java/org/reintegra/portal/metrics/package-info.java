/** The portal's own metrics, next to the server's (MicroProfile Metrics at {@code /metrics}). */
package org.reintegra.portal.metrics;
