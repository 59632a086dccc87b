/**
 * The service's journeys over stored documents: drafting and issuing (secretariat), signing through a link
 * (signatory), verifying and extending (archivist). Each step takes bytes from {@code store}, hands them to
 * {@code render}, {@code sign} or {@code verify}, and stores the result; HTTP stays in {@code web}.
 */
package org.accord.workflow;
