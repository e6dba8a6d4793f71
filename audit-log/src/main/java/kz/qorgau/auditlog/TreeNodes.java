package kz.qorgau.auditlog;

import java.util.Map;
import java.util.Set;

/** Where the hashes of complete subtrees come from: a table, or memory. */
@FunctionalInterface
public interface TreeNodes {

    /**
     * The hashes of {@code nodes}, all of them complete subtrees of the log.
     *
     * @throws IllegalStateException when one is missing
     */
    Map<NodeId, byte[]> read(Set<NodeId> nodes);
}
