package org.accord.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;

/** One route of the service: what the OpenAPI document must describe, and what Javalin registers. */
record Route(HandlerType method, String path, Handler handler, Set<Role> roles) {

    static Route open(HandlerType method, String path, Handler handler) {
        return new Route(method, path, handler, Set.of());
    }

    static Route as(Set<Role> roles, HandlerType method, String path, Handler handler) {
        return new Route(method, path, handler, roles);
    }
}
