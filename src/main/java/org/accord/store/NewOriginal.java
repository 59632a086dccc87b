package org.accord.store;

import java.util.List;
import java.util.Map;

/** An original to issue: its first revisions and, per party, the SHA-256 of its signing token. */
public record NewOriginal(int number, int ofTotal, String layout, String custodian, List<NewRevision> revisions,
                          Map<String, String> tokenSha256ByParty) {

    public NewOriginal {
        revisions = List.copyOf(revisions);
        tokenSha256ByParty = Map.copyOf(tokenSha256ByParty);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("an original needs at least one revision");
        }
    }
}
