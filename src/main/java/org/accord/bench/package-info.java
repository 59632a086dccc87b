/**
 * The benchmarks ({@code accord bench all}): each case times Accord's work beside the raw library doing the same work
 * in the same run (FOP, DSS, a bare JVM), warm, and prints the ratio. Product classes know nothing of this package.
 */
package org.accord.bench;
