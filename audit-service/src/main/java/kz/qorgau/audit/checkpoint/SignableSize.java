package kz.qorgau.audit.checkpoint;

/**
 * How far a checkpoint may reach: no further than the entries copied out of the database, so that a restore
 * can always bring back every entry a published checkpoint commits to (docs/adr/0032).
 */
public interface SignableSize {

    /** The largest tree size a checkpoint may be signed for now; 0 while unknown. */
    long signableSize();
}
