/** The entry point and wiring: {@code Main}, the configuration record, the running {@code Service}, {@code accord serve}. */
package org.accord.app;
