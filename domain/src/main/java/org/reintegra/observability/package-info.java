/** Measurements of the services themselves (service times), for operations and the benchmarks. */
package org.reintegra.observability;
