// A page keeps no nonce: the server keeps it (and hashes its ETag) with a placeholder in each
// nonce's place, its "slots", and writes a fresh nonce over them as it sends each answer, plain or
// gzip, without compressing again (docs/decisions/013).
//
// The placeholder is bytes that never occur in UTF-8 text (0xFF), so nothing in the page can
// match it. The gzip form is built so the slots stay writable: the page is compressed in segments
// split at the slots, each with everything before it as its dictionary (so it compresses as well
// as one stream would), and each slot goes between them as a stored (uncompressed) deflate block.
// No compressed segment can refer into a slot, since no text matches 0xFF. At send time the bytes
// are copied, the nonce written over each slot, and the trailer's CRC-32 corrected (crc32Shift.ts).
// Every gzip form is checked once when made, by decompressing it with a test nonce.
import { randomFillSync } from "node:crypto";
import { constants, crc32, deflateRawSync, gunzipSync } from "node:zlib";
import { linearCrc, multiplyModP, zeroBytesOperator } from "./crc32Shift";

/** A nonce is 16 random bytes in base64url: 22 characters. */
export const NONCE_LENGTH = 22;
const PLACEHOLDER = Buffer.alloc(NONCE_LENGTH, 0xff);
/** Deflate's window: a segment's dictionary is at most the 32 KiB before it. */
const WINDOW = 32 * 1024;
const GZIP_LEVEL = 6;

// Nonces come from a pool of random bytes filled a few KB at a time: crypto.randomBytes(16) per
// answer costs more than the rest of sending a kept page.
const pool = Buffer.alloc(16 * 256);
let poolAt = pool.length;

/** A fresh CSP nonce. */
export function freshNonce(): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 16;
  return pool.toString("base64url", poolAt - 16, poolAt);
}

/** A page with its nonces taken out: the placeholder where each was. */
export interface Slotted {
  body: Buffer;
  /** Where each nonce goes, in bytes from the start of `body`, in order. */
  slots: number[];
}

/**
 * Takes this answer's nonce out of every `nonce="…"` attribute of a page, writing the placeholder
 * into the bytes given, which become the slotted body (callers hand over bytes of their own).
 */
export function withoutNonce(body: Buffer, nonce: string): Slotted {
  const attribute = Buffer.from(`nonce="${nonce}"`);
  const slots: number[] = [];
  for (let at = body.indexOf(attribute); at >= 0; at = body.indexOf(attribute, at + attribute.length)) {
    const slot = at + attribute.length - 1 - NONCE_LENGTH;
    PLACEHOLDER.copy(body, slot);
    slots.push(slot);
  }
  return { body, slots };
}

/** `bytes` with the nonce written at each offset. */
function writeNonce(bytes: Buffer, offsets: readonly number[], nonce: string): Buffer {
  for (const offset of offsets) bytes.write(nonce, offset, NONCE_LENGTH, "latin1");
  return bytes;
}

/** The page as sent plain, with this nonce: a copy, the page staying slotted for its next sending. */
export function plainWithNonce({ body, slots }: Slotted, nonce: string): Buffer {
  return writeNonce(Buffer.from(body), slots, nonce);
}

/**
 * A page sent once and not kept, with its nonce written back into its own bytes: its ETag is
 * taken with the slots empty, as a kept page's is, and no copy of the page is made for the sending.
 */
export function nonceWrittenBack({ body, slots }: Slotted, nonce: string): Buffer {
  return writeNonce(body, slots, nonce);
}

/** A page's gzip form with its slots: where they are in the compressed bytes, and how its CRC moves. */
export interface SlottedGzip {
  bytes: Buffer;
  slots: number[];
  /** The CRC-32 of the page with the placeholder in its slots. */
  crc: number;
  /** The sum over slots of x^(8 * bytes after the slot): see crc32Shift.ts. */
  crcShift: number;
}

/** A stored deflate block's header (not the last block): type 00, then LEN and its complement. */
function storedBlockHeader(length: number): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}

/** gzip's header: deflate, no name, no time, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * The page's gzip form with writable slots, or null when it does not decompress to the page with
 * a test nonce (never seen; the caller then compresses each answer itself).
 */
export function gzipWithSlots(page: Slotted): SlottedGzip | null {
  const { body, slots } = page;
  const parts: Buffer[] = [GZIP_HEADER];
  let length = GZIP_HEADER.length;
  const offsets: number[] = [];
  let start = 0;
  for (let i = 0; i <= slots.length; i++) {
    const end = slots[i] ?? body.length;
    const dictionary = body.subarray(Math.max(0, start - WINDOW), start);
    const segment = deflateRawSync(body.subarray(start, end), {
      level: GZIP_LEVEL,
      finishFlush: i < slots.length ? constants.Z_SYNC_FLUSH : constants.Z_FINISH,
      ...(dictionary.length > 0 ? { dictionary } : {}),
    });
    parts.push(segment);
    length += segment.length;
    if (i === slots.length) break;
    const header = storedBlockHeader(NONCE_LENGTH);
    parts.push(header, PLACEHOLDER);
    offsets.push(length + header.length);
    length += header.length + NONCE_LENGTH;
    start = end + NONCE_LENGTH;
  }
  const crc = crc32(body);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(body.length >>> 0, 4);
  parts.push(trailer);
  let crcShift = 0;
  for (const slot of slots) crcShift ^= zeroBytesOperator(body.length - slot - NONCE_LENGTH);
  const gzip: SlottedGzip = { bytes: Buffer.concat(parts), slots: offsets, crc, crcShift: crcShift >>> 0 };
  return sendsThePage(gzip, page) ? gzip : null;
}

/** What the slots' bytes change by: the nonce XOR the placeholder (0xFF), the same in every slot. */
const change = Buffer.alloc(NONCE_LENGTH);

/** A copy of the gzip form with this nonce in its slots and its CRC-32 to match. */
export function gzipWithNonce(gzip: SlottedGzip, nonce: string): Buffer {
  const bytes = writeNonce(Buffer.from(gzip.bytes), gzip.slots, nonce);
  if (gzip.slots.length > 0) {
    for (let i = 0; i < NONCE_LENGTH; i++) change[i] = nonce.charCodeAt(i) ^ 0xff;
    bytes.writeUInt32LE((gzip.crc ^ multiplyModP(gzip.crcShift, linearCrc(change))) >>> 0, bytes.length - 8);
  }
  return bytes;
}

function sendsThePage(gzip: SlottedGzip, page: Slotted): boolean {
  const nonce = freshNonce();
  try {
    return gunzipSync(gzipWithNonce(gzip, nonce)).equals(plainWithNonce(page, nonce));
  } catch {
    return false;
  }
}
