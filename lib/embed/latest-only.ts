/**
 * A sequence guard for overlapping asynchronous reads where only the newest may win (the Zendesk sidebar reads
 * `ticket.requester` again on every requester change, and ZAF's answers may arrive out of order). `begin()` starts a read
 * and returns its `isLatest()`: true only while no later read has begun and the guard has not been cancelled (unmount).
 */
export function latestOnly(): { begin(): () => boolean; cancel(): void } {
  let current = 0;
  return {
    begin() {
      const mine = ++current;
      return () => mine === current;
    },
    cancel() {
      current++;
    },
  };
}
