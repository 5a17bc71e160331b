// A live story's entries are code only a live story loads, a chunk of its own (docs/decisions/028):
// most stories are not live, and their readers fetch none of it. The story's loader loads it beside
// the entries' first page, so the page renders at once; on a first visit, where the browser runs no
// loader, the server preloads the chunk with the page's (the loader names it), and hydration waits
// for it at the list's own boundary, the server's HTML standing until then.
import { type ComponentType, Suspense, use } from "react";
import type { Story } from "../model/story";

/** The list's module, from the project root: the key of its chunk in Vite's manifest. */
export const LIVE_ENTRIES_MODULE = "src/story/LiveEntries.tsx";

type LiveEntriesList = ComponentType<{ story: Story }>;
let loaded: LiveEntriesList | undefined;
let loading: Promise<LiveEntriesList> | undefined;

/** Loads the live entries' code (once). */
export function loadLiveEntries(): Promise<LiveEntriesList> {
  loading ??= import("./LiveEntries").then((module) => {
    loaded = module.LiveEntries;
    return loaded;
  });
  return loading;
}

function LoadedLiveEntries({ story }: { story: Story }) {
  const LiveEntries = loaded ?? use(loadLiveEntries());
  return <LiveEntries story={story} />;
}

/** The live entries under a live story's body. */
export function LiveEntriesOnDemand({ story }: { story: Story }) {
  return (
    <Suspense>
      <LoadedLiveEntries story={story} />
    </Suspense>
  );
}
