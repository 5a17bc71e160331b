// GET /img/<picture path>/<version>/<rendition>.<format>, as a Fastify plugin: a site picture's
// width in AVIF, WebP or JPEG, or one of its crops, cached for ever (the URL names the source's
// bytes). A URL of an older version of the file is sent to the current one. And GET /uploads/…:
// uploaded media, from the media store, cached for ever too (the address names the bytes).
import type { FastifyPluginAsync } from "fastify";
import { parse as parseRange } from "range-parser";
import type { MediaStore } from "../media/mediaStore";
import type { RenditionCache } from "../media/renditions";
import { PictureError, type SitePictures } from "../media/sitePictures";
import { uploadKey, uploadType } from "../media/uploadPaths";
import { ApiError } from "../model/apiError";
import { cropName, PICTURE_FORMATS, parseRenditionPath, pictureWidths, renditionPath } from "../model/picture";

export interface MediaRoutesOptions {
  pictures: SitePictures;
  /** Renditions, kept in the media store. */
  renditions: RenditionCache;
  /** Uploaded media. */
  media: MediaStore;
}

const IMMUTABLE = "public, max-age=31536000, immutable";

export const mediaRoutes: FastifyPluginAsync<MediaRoutesOptions> = async (app, { pictures, renditions, media }) => {
  // Whole, or one range of bytes (a player seeking in a video; Safari plays none without ranges).
  app.get("/uploads/*", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const key = uploadKey(path);
    const size = key === undefined ? undefined : await media.size(key);
    if (key === undefined || size === undefined) throw new ApiError("not_found", "There is no upload at that address.");
    reply.header("cache-control", IMMUTABLE).header("accept-ranges", "bytes").type(uploadType(path));
    const asked = request.headers.range ? parseRange(size, request.headers.range) : undefined;
    if (asked?.code === 2) {
      reply.header("content-range", `bytes */${size}`);
      throw new ApiError("range_not_satisfiable", `The upload has ${size} bytes; ask for a range within them.`);
    }
    // One range is answered with it; several, or a malformed header, with the whole (as RFC 9110 allows).
    const range =
      asked?.code === 0 && asked.type === "bytes" && asked.ranges.length === 1 ? asked.ranges[0] : undefined;
    const object = await media.open(key, range);
    if (!object) throw new ApiError("not_found", "There is no upload at that address.");
    if (!range) return reply.header("content-length", size).send(object.body);
    return reply
      .code(206)
      .header("content-range", `bytes ${range.start}-${range.end}/${size}`)
      .header("content-length", range.end - range.start + 1)
      .send(object.body);
  });

  app.get("/img/*", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    let named: ReturnType<typeof parseRenditionPath>;
    try {
      named = parseRenditionPath(decodeURI(path));
    } catch {
      named = undefined;
    }
    if (!named) throw new ApiError("not_found", "That is not the address of a picture's rendition.");
    const source = await pictures.read(named.src).catch((error: unknown) => {
      throw error instanceof PictureError ? new ApiError("not_found", error.message) : error;
    });
    const name = named.crop ? cropName(named.crop, named.focus) : `w${named.width}`;
    if (named.width !== undefined && !pictureWidths(source.width).includes(named.width))
      throw new ApiError(
        "not_found",
        `picture ${named.src} comes in widths ${pictureWidths(source.width).join(", ")}, not ${named.width}.`,
      );
    if (named.version !== source.version)
      return reply
        .header("cache-control", "public, max-age=60")
        .redirect(renditionPath({ src: named.src, version: source.version }, name, named.format), 302);
    const bytes = await renditions.get(source, named).catch((error: unknown) => {
      throw error instanceof PictureError ? new ApiError("not_found", error.message) : error;
    });
    return reply.header("cache-control", IMMUTABLE).type(PICTURE_FORMATS[named.format]).send(bytes);
  });
};
