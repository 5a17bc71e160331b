// The newsroom's build (issue 22): a program of its own, from src/newsroom/main.tsx into
// dist/client/newsroom-app, served at /newsroom-app/. It is built apart from the reader's
// (vite.config.ts) so that nothing of it can reach a reader: not a shared chunk, not the service
// worker's list of files, not the story page's budget. The server finds its entry in this build's
// manifest (src/server/pages/newsroomRoutes.ts). It runs after the reader's build, which empties
// dist/client.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./vite.config.ts";

export default defineConfig({
  plugins: [react(), precompress()],
  base: "/newsroom-app/",
  publicDir: false,
  build: {
    outDir: "dist/client/newsroom-app",
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    rollupOptions: { input: "src/newsroom/main.tsx" },
  },
});
