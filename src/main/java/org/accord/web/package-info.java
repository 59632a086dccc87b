/**
 * HTTP: the Javalin application, its routes (the REST API, OpenAPI and Swagger UI, the sample trust services),
 * authentication, security headers, and the mapping of every refusal to RFC 9457 problem+json.
 */
package org.accord.web;
