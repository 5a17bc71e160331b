// POST /api/media: a picture or a video uploaded as multipart/form-data (`file`, and `alt`,
// `caption`, `credit`), behind the publishing API's access check. The file is streamed to a folder of its
// own on this server's disk, never held whole in memory, then taken into the media store
// (media/uploads.ts): 201 with `{ id, src, width, height }` and the rest of its record.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { MediaStore } from "../../media/mediaStore";
import { takeUpload, UploadError, type UploadLimits } from "../../media/uploads";
import { ApiError, type ErrorCode } from "../../model/apiError";
import { imageSchema } from "../../model/story";
import type { Access } from "../auth/access";

export interface MediaUploadRoutesOptions {
  media: MediaStore;
  /** Who may upload: whoever may write stories (auth/access.ts). */
  access: Access;
  limits: UploadLimits;
  now: () => Date;
}

/** The text fields, as a story's picture takes them (model/story.ts), alt optional until a story publishes it. */
const textSchema = z.strictObject({
  alt: imageSchema.shape.alt.optional(),
  caption: imageSchema.shape.caption,
  credit: imageSchema.shape.credit,
});

const UPLOAD_ERRORS: Record<UploadError["kind"], ErrorCode> = {
  too_large: "payload_too_large",
  unsupported: "unsupported_media_type",
  invalid: "bad_request",
};

const USAGE = "Send multipart/form-data with one file in the field `file`, and `alt`, `caption` and `credit`.";

export const mediaUploadRoutes: FastifyPluginAsync<MediaUploadRoutesOptions> = async (
  app,
  { media, access, limits, now },
) => {
  await app.register(fastifyMultipart, {
    // Busboy stops the file at the larger cap as it arrives; each kind's own cap is checked once it is known.
    limits: {
      fileSize: Math.max(limits.pictureBytes, limits.videoBytes),
      files: 1,
      fields: 3,
      fieldSize: 2_000,
      parts: 4,
    },
    throwFileSizeLimit: true,
  });
  const preHandler = access.require("stories:write");

  app.post("/api/media", { preHandler }, async (request, reply) => {
    if (!request.isMultipart()) throw new ApiError("unsupported_media_type", USAGE);
    const workDir = await mkdtemp(join(tmpdir(), "dispatch-upload-"));
    try {
      const fields: Record<string, string> = {};
      let file: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === "file") {
            if (part.fieldname !== "file")
              throw new ApiError("bad_request", `${USAGE} Got a file in ${part.fieldname}.`);
            file = join(workDir, "upload");
            await pipeline(part.file, createWriteStream(file));
          } else fields[part.fieldname] = String(part.value);
        }
      } catch (error) {
        throw multipartError(error, limits);
      }
      if (!file) throw new ApiError("bad_request", `${USAGE} There was no file.`);
      const text = textSchema.safeParse(fields);
      if (!text.success) throw new ApiError("bad_request", z.prettifyError(text.error));
      const record = await takeUpload(file, workDir, { alt: "", ...text.data }, media, limits, now()).catch(
        (error: unknown) => {
          throw error instanceof UploadError ? new ApiError(UPLOAD_ERRORS[error.kind], error.message) : error;
        },
      );
      return reply.code(201).header("location", record.src).header("cache-control", "no-store").send(record);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
};

/** What went wrong reading the multipart body, as the API's error. */
function multipartError(error: unknown, limits: UploadLimits): unknown {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code === "FST_REQ_FILE_TOO_LARGE")
    return new ApiError(
      "payload_too_large",
      `The file is larger than any upload may be (${Math.round(Math.max(limits.pictureBytes, limits.videoBytes) / 1024 / 1024)} MB).`,
    );
  if (code.startsWith("FST_")) return new ApiError("bad_request", `${USAGE} (${(error as Error).message})`);
  return error;
}
