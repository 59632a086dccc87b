/** The agreement as immutable records, read from YAML and checked for parity between the two languages. */
package org.accord.model;
