// Test support: the real scraped story in ../shared/samples (beside the repository, never in it:
// it is third-party text). Tests that read it are skipped, saying so, where it is absent.
import { existsSync } from "node:fs";
import { join } from "node:path";

export const sharedSamplePath = join(import.meta.dirname, "../../../shared/samples/watch-story.txt");

export const sharedSampleMissing = !existsSync(sharedSamplePath);

if (sharedSampleMissing) console.warn(`Skipping the tests of the shared sample story: ${sharedSamplePath} is absent.`);
