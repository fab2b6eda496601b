package dev.tap.operator.aws;

/**
 * When the calls of one quota may be sent, for one operator deployment: a token bucket, or, for a
 * burst-1 quota shared by several deployments, time slots of its own. Not thread-safe: its
 * {@link PacedQuota} holds the lock.
 */
sealed interface QuotaSupply {

  /** How many calls may be sent now. */
  double available(long now);

  /** Milliseconds until {@code calls} calls may be sent, counting those available now. */
  long until(double calls, long now);

  /** Spends {@code calls} of what is available now. */
  void spend(double calls, long now);

  /** How long a call that is next may wait for its time inside the pass rather than come back (slots: their lead). */
  default long lead() {
    return 0;
  }

  /** Calls set aside for a pass (token buckets only: slots are never set aside). */
  default void setAside(int calls, long now) {
    spend(calls, now);
  }

  /** Calls set aside and not used, back in the bucket. */
  default void giveBack(int calls, long now) {}

  /** Set-aside calls were sent: they no longer hold a place in the bucket. */
  default void used(int calls) {}

  /**
   * A token bucket a little inside the quota: AWS counts a call when it arrives, which may be later
   * than when we took its token (threads, network), so two calls we sent a full interval apart can
   * reach AWS closer together. One call of the burst and 5 % of the rate are left as that slack.
   * Tokens set aside for a pass still count against the capacity until they are used or given back:
   * a pass sends them later, and the calls it sends then must still fit the bucket AWS keeps. With a
   * burst of 1 no token can be saved for a holder late for its turn: it is lost. So such a holder is
   * told to come back a fifth of the interval early, and its call waits for its turn inside the pass.
   */
  final class Tokens implements QuotaSupply {
    static final double RATE_KEPT = 0.95;
    static final double LEAD_SHARE = 0.2;
    private final double perSecond;
    private final double capacity;
    private final long lead;
    private double tokens;
    private int setAside;
    private long lastMillis;

    Tokens(double perSecond, double burst, long now) {
      this.perSecond = perSecond * RATE_KEPT;
      this.capacity = Math.max(1, burst - 1);
      this.tokens = capacity;
      this.lastMillis = now;
      this.lead = capacity <= 1 ? (long) (1000 / this.perSecond * LEAD_SHARE) : 0;
    }

    @Override
    public long lead() {
      return lead;
    }

    @Override
    public double available(long now) {
      tokens = Math.min(capacity - setAside, tokens + Math.max(0, now - lastMillis) / 1000.0 * perSecond);
      lastMillis = now;
      return tokens;
    }

    @Override
    public long until(double calls, long now) {
      return (long) Math.ceil(Math.max(0, calls - available(now)) / perSecond * 1000);
    }

    @Override
    public void spend(double calls, long now) {
      available(now);
      tokens -= calls;
    }

    @Override
    public void setAside(int calls, long now) {
      spend(calls, now);
      setAside += calls;
    }

    @Override
    public void used(int calls) {
      setAside -= calls;
    }

    @Override
    public void giveBack(int calls, long now) {
      setAside -= calls;
      tokens = Math.min(capacity - setAside, available(now) + calls);
    }
  }

  /**
   * A burst-1 quota shared by {@code owners} deployments: a token bucket each would let two calls
   * meet at AWS, since each may send as soon as its own token is there. Instead time is cut into
   * slots, one call each, 10 % longer than the quota's interval, owned in turn by the deployments
   * ({@code slot} is this one's); a call goes out only in the first tenth of a slot it owns, so two
   * calls of different deployments are always at least the quota's interval apart. Slots are counted
   * from the epoch, which every deployment's clock shares.
   */
  final class Slots implements QuotaSupply {
    static final double SLACK = 0.1;
    private final long slotMillis;
    private final long windowMillis;
    private final int owners;
    private final int slot;
    private long lastUsedSlot = -1;

    Slots(double perSecond, int owners, int slot) {
      long interval = (long) Math.ceil(1000 / perSecond);
      this.slotMillis = (long) Math.ceil(interval * (1 + SLACK));
      this.windowMillis = slotMillis - interval;
      this.owners = owners;
      this.slot = slot;
    }

    @Override
    public double available(long now) {
      long current = now / slotMillis;
      return owned(current) && current != lastUsedSlot && now - current * slotMillis < windowMillis ? 1 : 0;
    }

    @Override
    public long until(double calls, long now) {
      double needed = calls - available(now);
      long index = now / slotMillis;
      while (needed > 0) {
        index++;
        if (owned(index)) {
          needed--;
        }
      }
      return index == now / slotMillis ? 0 : index * slotMillis - now;
    }

    @Override
    public void spend(double calls, long now) {
      lastUsedSlot = now / slotMillis;
    }

    /**
     * A whole round of slots: the call next in line waits for its slot inside its pass, however far. A
     * pass that needs calls of two slotted quotas (an import, then its deployment) would otherwise have
     * to come back when both windows, a tenth of a slot each, happened to line up.
     */
    @Override
    public long lead() {
      return slotMillis * owners;
    }

    private boolean owned(long index) {
      return Math.floorMod(index, owners) == slot;
    }
  }
}
