// Test support: what Google's structured-data documentation asks of a news article and a video
// (Article and Video rich results), written here as property lists from its documented
// requirements, so a test can say which are missing. Not part of the running app.

type Json = Record<string, unknown>;

/** Article (NewsArticle): Google requires none, and recommends these. */
const ARTICLE_RECOMMENDED = ["author", "dateModified", "datePublished", "headline", "image"] as const;
/** Each author: a name is recommended, and a URL that says who the person is. */
const AUTHOR_RECOMMENDED = ["name", "url"] as const;
/** VideoObject: required for a video to show as one. */
const VIDEO_REQUIRED = ["name", "thumbnailUrl", "uploadDate"] as const;
/** VideoObject: recommended (of these, a file or a player is what makes it playable). */
const VIDEO_RECOMMENDED = ["description", "duration"] as const;

/** An ISO 8601 date-time with its time zone, as Google asks of article and upload dates. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** An ISO 8601 duration, as `duration` takes. */
const ISO_DURATION = /^P(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)$/;

const missing = (data: Json, names: readonly string[], where: string) =>
  names.filter((name) => data[name] === undefined || data[name] === "").map((name) => `${where}: no ${name}`);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Every shortfall of a NewsArticle (and its video) against Google's required and recommended properties. */
export function newsArticleProblems(article: Json): string[] {
  const problems: string[] = [];
  if (article["@type"] !== "NewsArticle") problems.push(`@type is ${String(article["@type"])}, not NewsArticle`);
  problems.push(...missing(article, ARTICLE_RECOMMENDED, "NewsArticle"));
  for (const name of ["datePublished", "dateModified"])
    if (typeof article[name] === "string" && !ISO_WITH_ZONE.test(article[name] as string))
      problems.push(`NewsArticle: ${name} ${String(article[name])} is not ISO 8601 with a time zone`);
  const authors = asList(article.author) as Json[];
  if (authors.length === 0) problems.push("NewsArticle: no author");
  for (const author of authors) {
    if (author["@type"] !== "Person" && author["@type"] !== "Organization")
      problems.push(`author: @type ${String(author["@type"])}`);
    problems.push(...missing(author, AUTHOR_RECOMMENDED, "author"));
  }
  for (const image of asList(article.image)) {
    const url = typeof image === "string" ? image : (image as Json).url;
    if (typeof url !== "string" || !/^https?:\/\//.test(url))
      problems.push(`image: ${JSON.stringify(image)} has no absolute URL`);
  }
  problems.push(...imageShapeProblems(asList(article.image)));
  const publisher = article.publisher as Json | undefined;
  if (publisher) {
    const logo = publisher.logo as Json | undefined;
    if (!publisher.name) problems.push("publisher: no name");
    if (!(logo?.url && logo.width && logo.height)) problems.push("publisher: no logo with url, width and height");
  }
  if (article.video !== undefined) problems.push(...asList(article.video).flatMap((v) => videoProblems(v as Json)));
  return problems;
}

/** Google's image guidance for articles: each at least 50,000 pixels; 16:9, 4:3 and 1:1 each offered at 800,000 or more. */
const IMAGE_MIN_PIXELS = 50_000;
const IMAGE_BEST_PIXELS = 800_000;
const IMAGE_RATIOS = [
  ["16:9", 16 / 9],
  ["4:3", 4 / 3],
  ["1:1", 1],
] as const;

/** What the article's sized images (ImageObjects with width and height) lack against that guidance. */
export function imageShapeProblems(images: unknown[]): string[] {
  const sized = images
    .filter((image): image is Json => typeof image === "object" && image !== null)
    .map((image) => ({ url: String(image.url), width: Number(image.width), height: Number(image.height) }))
    .filter((image) => image.width > 0 && image.height > 0);
  if (sized.length === 0) return [];
  return [
    ...sized
      .filter((image) => image.width * image.height < IMAGE_MIN_PIXELS)
      .map((image) => `image: ${image.url} has fewer than ${IMAGE_MIN_PIXELS} pixels`),
    ...IMAGE_RATIOS.filter(
      ([, ratio]) =>
        !sized.some(
          (image) =>
            Math.abs(image.width / image.height - ratio) < 0.01 && image.width * image.height >= IMAGE_BEST_PIXELS,
        ),
    ).map(([name]) => `image: none at ${name} with ${IMAGE_BEST_PIXELS} pixels or more`),
  ];
}

/** Every shortfall of a VideoObject against Google's required and recommended properties. */
export function videoProblems(video: Json): string[] {
  const problems = [
    ...missing(video, VIDEO_REQUIRED, "VideoObject"),
    ...missing(video, VIDEO_RECOMMENDED, "VideoObject"),
  ];
  if (video.contentUrl === undefined && video.embedUrl === undefined)
    problems.push("VideoObject: no contentUrl or embedUrl");
  if (typeof video.uploadDate === "string" && !ISO_WITH_ZONE.test(video.uploadDate))
    problems.push(`VideoObject: uploadDate ${video.uploadDate} is not ISO 8601 with a time zone`);
  if (typeof video.duration === "string" && !ISO_DURATION.test(video.duration))
    problems.push(`VideoObject: duration ${video.duration} is not an ISO 8601 duration`);
  for (const thumbnail of asList(video.thumbnailUrl))
    if (typeof thumbnail !== "string" || !/^https?:\/\//.test(thumbnail))
      problems.push(`VideoObject: thumbnail ${String(thumbnail)}`);
  return problems;
}
