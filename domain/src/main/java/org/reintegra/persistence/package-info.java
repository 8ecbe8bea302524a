/** Persistence details shared by all features (type conversions). */
package org.reintegra.persistence;
