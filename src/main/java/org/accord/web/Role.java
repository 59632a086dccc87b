package org.accord.web;

import io.javalin.security.RouteRole;
import org.accord.store.User;

/** Who may call a route: a logged-in secretariat or archivist (signatories use their links, not roles). */
enum Role implements RouteRole {
    SECRETARIAT, ARCHIVIST;

    static Role of(User.Role role) {
        return valueOf(role.name());
    }
}
