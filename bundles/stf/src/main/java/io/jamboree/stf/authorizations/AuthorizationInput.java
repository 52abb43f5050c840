package io.jamboree.stf.authorizations;

import java.util.List;

/** Inputs of the authorization transition (GP §8.2): the block's slot H_t and the guarantees' (core, authorizer). */
public record AuthorizationInput(long slot, List<CoreAuthorizer> authorizers) {
    public AuthorizationInput {
        authorizers = List.copyOf(authorizers);
    }
}
