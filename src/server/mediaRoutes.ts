// GET /img/<picture path>/<version>/<rendition>.<format>, as a Fastify plugin: a site picture's
// width in AVIF, WebP or JPEG, or one of its crops, cached for ever (the URL names the source's
// bytes). A URL of an older version of the file is sent to the current one. And GET /uploads/…:
// uploaded media, from the media store, cached for ever too (the address names the bytes).
import type { FastifyPluginAsync } from "fastify";
import type { MediaStore } from "../media/mediaStore";
import type { RenditionCache } from "../media/renditions";
import { PictureError, type SitePictures } from "../media/sitePictures";
import { uploadKey, uploadType } from "../media/uploadPaths";
import { ApiError } from "../model/apiError";
import { PICTURE_FORMATS, parseRenditionPath, pictureWidths, renditionPath } from "../model/picture";

export interface MediaRoutesOptions {
  pictures: SitePictures;
  /** Renditions, kept in the media store. */
  renditions: RenditionCache;
  /** Uploaded media. */
  media: MediaStore;
}

const IMMUTABLE = "public, max-age=31536000, immutable";

export const mediaRoutes: FastifyPluginAsync<MediaRoutesOptions> = async (app, { pictures, renditions, media }) => {
  app.get("/uploads/*", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const key = uploadKey(path);
    const object = key && (await media.open(key));
    if (!object) throw new ApiError("not_found", "There is no upload at that address.");
    return reply
      .header("cache-control", IMMUTABLE)
      .header("content-length", object.size)
      .header("x-content-type-options", "nosniff")
      .type(uploadType(path))
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
    const name = named.crop ?? `w${named.width}`;
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
