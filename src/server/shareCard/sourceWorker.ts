// Starts a worker thread from the TypeScript source, for tests and `npm run dev`: Vite loads the
// module named by workerData.entry (TypeScript, JSX, imports without extensions) as it loads the
// rest of the server there. Node runs this file as it is (type stripping), so it imports only Node
// and Vite. The server build never uses it: there each worker is a script of its own
// (dist/server/cardWorker.js, see vite.config.ts).
import { fileURLToPath } from "node:url";
import { workerData } from "node:worker_threads";
import { runnerImport } from "vite";

const { entry } = workerData as { entry: string };
await runnerImport(entry, { root: fileURLToPath(new URL("../../..", import.meta.url)), logLevel: "error" });
