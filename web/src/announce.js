// What a screen reader is told of a run or a decision while it goes: its start, its end, and
// between them a line of its progress at most once every PROGRESS_EVERY_MS, in a live region
// of its own (visually hidden) beside the progress on screen. That line changes four times a
// second (each progress event); in a live region itself, each change had been an announcement.

/** The least time between two announcements of progress, in ms. */
export const PROGRESS_EVERY_MS = 30_000;

/** Announcements into `region` (an element with role="status"); `now` is the clock, in ms. */
export function announcer(region, now = () => Date.now()) {
  let last = -Infinity;
  return {
    /** Says `text` at once: a start, an end, a cancel. */
    say(text) {
      region.textContent = text;
      last = now();
    },
    /** Says `text` where nothing has been said for PROGRESS_EVERY_MS; otherwise nothing. */
    progress(text) {
      if (now() - last >= PROGRESS_EVERY_MS) this.say(text);
    },
  };
}
