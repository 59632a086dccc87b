package org.accord.store;

import java.util.List;

/**
 * An original to issue: its first revisions, its signing round, and what goes with it (the invitations of the
 * parties invited now, their messages, the audit events).
 */
public record NewOriginal(String id, int number, int ofTotal, String layout, String custodian, List<NewRevision> revisions,
                          Rounds.NewRound round, Effects effects) {

    public NewOriginal {
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("an original needs at least one revision");
        }
    }
}
