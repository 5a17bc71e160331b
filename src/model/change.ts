// What the change stream (GET /api/events, docs/decisions/019) tells open pages: one event per
// change a reader can see, each with the id a reconnecting client resumes after (Last-Event-ID).

/** A story appeared, changed or went: `story` events. A move reports the new slug with `movedFrom`. */
export interface StoryChange {
  slug: string;
  /** The story's own updatedAt (for a deletion, when it was deleted). */
  updatedAt: string;
  change: "published" | "updated" | "deleted";
  movedFrom?: string;
}

/** An entry of a live story was posted, edited or removed: `entry` events. */
export interface EntryChange {
  slug: string;
  entryId: string;
  change: "posted" | "updated" | "deleted";
}

export type Change = { kind: "story"; data: StoryChange } | { kind: "entry"; data: EntryChange };

/** A change as the log keeps it: the change and its place in the log. */
export type LoggedChange = Change & { id: number };
