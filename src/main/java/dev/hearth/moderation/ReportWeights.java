package dev.hearth.moderation;

/**
 * How much one report counts towards hiding a comment, so that the report button cannot be
 * used to silence people: throwaway identities weigh little, established commenters more,
 * reporters whose reports were mostly dismissed less, staff enough to hide at once.
 */
final class ReportWeights {
  static final double ANONYMOUS = 0.25;
  static final double NEW_ACCOUNT = 0.5;
  static final double ESTABLISHED = 1.0;
  /** Visible comments that make an account (or a returning anonymous writer) established. */
  static final int ESTABLISHED_COMMENTS = 3;
  /** From this many settled reports on, a reporter's record counts. */
  static final int RECORD_MIN = 3;
  static final double MOSTLY_DISMISSED_FACTOR = 0.25;

  private ReportWeights() {
  }

  /** What is known of a reporter when they report. */
  record Reporter(String kind, boolean dayOld, long visibleComments, long dismissed, long resolved, boolean staff) {
  }

  static double weight(Reporter reporter, double hideThreshold) {
    if (reporter.staff()) {
      return hideThreshold;
    }
    boolean account = !"anonymous".equals(reporter.kind());
    double weight;
    if (account && (reporter.dayOld() || reporter.visibleComments() >= ESTABLISHED_COMMENTS)) {
      weight = ESTABLISHED;
    } else if (account || reporter.visibleComments() >= ESTABLISHED_COMMENTS) {
      weight = NEW_ACCOUNT;
    } else {
      weight = ANONYMOUS;
    }
    if (reporter.resolved() >= RECORD_MIN && reporter.dismissed() * 2 > reporter.resolved()) {
      weight *= MOSTLY_DISMISSED_FACTOR;
    }
    return weight;
  }
}
