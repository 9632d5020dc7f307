package io.callqa.audio.dynamics;

/** The two parties of a call, as conversation dynamics sees them. */
public enum Party {
    AGENT,
    CUSTOMER;

    /** The other party. */
    public Party other() {
        return this == AGENT ? CUSTOMER : AGENT;
    }
}
