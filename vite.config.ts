import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** Writes .gz and .br beside every text asset, so the server sends them without compressing per request. */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "dispatch:precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.ssr ? "" : config.build.outDir;
    },
    closeBundle() {
      if (!outDir) return;
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|vtt|txt|xml|webmanifest)$/.test(file) || file.endsWith("index.html")) continue;
        const body = readFileSync(file);
        if (body.length < 512) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: "dist/client",
    manifest: true,
    cssCodeSplit: false,
    target: "es2022",
    // hls.js (~580 KB, 180 KB gzip) is its own chunk, fetched only for HLS where the browser has no native HLS.
    chunkSizeWarningLimit: 600,
  },
  ssr: {
    // The server bundle is run by Node from dist/server; dependencies stay in node_modules.
    target: "node",
  },
});
