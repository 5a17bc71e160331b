// Dispatch's settings, from the environment (see .env.example).
import { DEFAULT_DATABASE_URL } from "../store/openStore";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  /** The bearer token the publishing API asks for; publishing is off without one. */
  adminToken?: string;
  /** TRUST_PROXY: "true", or the proxies' addresses (comma-separated, CIDR allowed), for X-Forwarded-For. */
  trustProxy: boolean | string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol))
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL, got ${env.PUBLIC_URL}`);
  return {
    port,
    host: env.HOST || "0.0.0.0",
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    publicUrl: new URL(publicUrl).origin,
    ...(env.ADMIN_TOKEN ? { adminToken: env.ADMIN_TOKEN } : {}),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}

function trustProxy(value: string | undefined): boolean | string {
  if (!value || value === "false") return false;
  return value === "true" ? true : value;
}
