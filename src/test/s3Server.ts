// Test support: a real S3-compatible server on this machine (s3rver, from npm, keeping objects in
// a temporary folder), with one bucket, and the MEDIA_URL that names it (under a prefix, as a
// bucket shared by several sites is). The SDK's credentials are
// the ones s3rver accepts, set for the test file's process. Not part of the running app.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { vi } from "vitest";

export interface TestS3Server {
  /** The MEDIA_URL of its bucket. */
  mediaUrl: string;
  /** Every key of the site's media in the bucket, without the prefix. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

const BUCKET = "dispatch-media";
const PREFIX = "site-a/";

export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), "dispatch-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  // s3rver's fixed pair; the SDK reads them as it would a real deployment's.
  vi.stubEnv("AWS_ACCESS_KEY_ID", "S3RVER");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "S3RVER");
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    mediaUrl: `s3://${BUCKET}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true&prefix=${PREFIX}`,
    async keys() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      const keys = (listed.Contents ?? []).map((object) => object.Key ?? "");
      // Nothing outside the prefix: the store keeps to its part of the bucket.
      if (keys.some((key) => !key.startsWith(PREFIX))) throw new Error(`keys outside ${PREFIX}: ${keys.join(", ")}`);
      return keys.map((key) => key.slice(PREFIX.length)).sort();
    },
    async close() {
      client.destroy();
      await server.close();
      vi.unstubAllEnvs();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
