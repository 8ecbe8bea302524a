/** The audit trail: every read and change of a client's data, written in the same transaction. */
package org.reintegra.audit;
