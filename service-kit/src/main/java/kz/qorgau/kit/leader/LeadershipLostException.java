package kz.qorgau.kit.leader;

/** The session no longer holds (or never held) the leader lock: whoever asked must not act as the leader. */
public class LeadershipLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeadershipLostException(String message) {
        super(message);
    }
}
