// What the story's blocks ask of the API: uploads (POST /api/media, docs/decisions/039) and
// headlines found by a few of their words (GET /api/search). Types only: zod stays out of the
// newsroom's bundle (docs/decisions/002).
import type { SearchPage } from "../../model/search";

/** What POST /api/media answers that a block uses (media/uploads.ts UploadRecord). */
export interface UploadRecord {
  src: string;
  kind: "picture" | "video";
  /** The stored file's type: image/jpeg…, video/mp4 or video/webm. */
  type: string;
  width: number;
  height: number;
  alt: string;
  /** A video's poster frame. */
  poster?: string;
}

/** An upload refused, with the server's reason. */
export class UploadRefused extends Error {}

/** Uploads a picture or a video; its record (src, size, a video's poster) or UploadRefused. */
export async function upload(file: File): Promise<UploadRecord> {
  const form = new FormData();
  form.append("file", file);
  const response = await fetch("/api/media", { method: "POST", credentials: "same-origin", body: form });
  const answer = (await response.json().catch(() => null)) as (UploadRecord & { error?: { message: string } }) | null;
  if (!response.ok || !answer || answer.error) throw new UploadRefused(answer?.error?.message ?? response.statusText);
  return answer;
}

/** A headline found by search, to link as a related headline. */
export interface FoundHeadline {
  slug: string;
  headline: string;
}

/** Published stories whose headline or text have these words, newest first. */
export async function findHeadlines(words: string, signal?: AbortSignal): Promise<FoundHeadline[]> {
  const search = new URLSearchParams({ q: words, limit: "6" });
  const response = await fetch(`/api/search?${search}`, { credentials: "same-origin", signal: signal ?? null });
  if (!response.ok) return [];
  const page = (await response.json()) as SearchPage;
  return page.items.map((item) => ({ slug: item.slug, headline: item.headline }));
}
