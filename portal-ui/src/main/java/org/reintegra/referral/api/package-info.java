/**
 * The intake API for an agency's own case-management system: JAX-RS under {@code /api/v1},
 * bearer tokens of a client-credentials client per agency, Idempotency-Key on every state-changing
 * call, RFC 9457 problem details, an OpenAPI document.
 */
package org.reintegra.referral.api;
