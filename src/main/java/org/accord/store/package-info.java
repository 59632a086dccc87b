/**
 * Storage: agreements, originals and their immutable revisions, signing invitations, users and the hash-chained
 * audit trail, on H2 (embedded default) or PostgreSQL through JDBC, the schema kept by Flyway. Every operation
 * that records a document commits its bytes, its rows and its audit event in one transaction.
 */
package org.accord.store;
