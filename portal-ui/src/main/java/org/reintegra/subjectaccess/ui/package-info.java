/** The subject access screen: find a client, download everything held about them. */
package org.reintegra.subjectaccess.ui;
