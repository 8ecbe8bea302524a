/**
 * Performance reports as files: CSV, XLSX and PDF, written in the background with their progress,
 * every export audited by the performance service. Headings come from the portal's translations
 * in the language of the person exporting.
 */
package org.reintegra.performance.export;
