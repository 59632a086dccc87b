/** The {@code accord} command line (picocli): one class per sub-command, sharing the core with the service. */
package org.accord.cli;
