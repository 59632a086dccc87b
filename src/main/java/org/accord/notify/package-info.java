/** Delivery of the outbox: mails over SMTP, webhook events signed with HMAC-SHA256, retries with backoff. */
package org.accord.notify;
