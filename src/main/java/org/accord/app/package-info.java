/** The entry point: {@code Main} and wiring. */
package org.accord.app;
