package kz.qorgau.audit.entry;

/**
 * The hash chain over the leaves: chain(0) = 32 zero bytes, chain(n) = SHA-256(chain(n-1) ‖
 * leaf(n)). Changing, removing or reordering any entry changes every later link, so the head link
 * commits to the whole trail. It is kept apart from the leaves: the Merkle tree is built over the
 * leaves alone.
 */
public final class HashChain {

    /** The link before the first entry: 32 zero bytes, so an empty trail's head is recognisable. */
    public static final ChainHash GENESIS = new ChainHash(new byte[Sha256.LENGTH]);

    private HashChain() {}

    /** The link of the entry whose leaf is {@code leaf}, following {@code previous}. */
    public static ChainHash next(ChainHash previous, LeafHash leaf) {
        return new ChainHash(Sha256.digest(previous.bytes(), leaf.bytes()));
    }
}
