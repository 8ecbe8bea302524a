/**
 * Structured logs: one JSON object per line with the request id and the tenant of the request that
 * wrote it, and nothing a client could be recognised by (exception messages, which may quote data
 * values, are left out; their types and stack frames are kept).
 */
package org.reintegra.portal.logging;
