/** Screens of quality reviews: the list (and a new review) and one review with its sample and findings. */
package org.reintegra.quality.ui;
