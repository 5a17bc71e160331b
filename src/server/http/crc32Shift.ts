// CRC-32 (the gzip trailer's) of a text changed in a few places, without reading the text again.
// CRC-32 is linear over GF(2): for two texts of one length, crc(A) ^ crc(B) is the CRC register of
// A ^ B run from zero, which is zero up to the first change. A change of k bytes followed by m
// unchanged bytes moves the register by x^(8m) modulo the polynomial. So the CRC of a kept page
// with a fresh nonce in each slot is the kept CRC ^ (register of placeholder ^ nonce) times one
// constant per page, the sum of x^(8m) over its slots: a few dozen operations instead of a pass
// over 30 KB (zlib.crc32 takes about 50 µs for that here). The arithmetic is zlib's
// (multmodp, x2nmodp in crc32.c), on the reflected polynomial.
import { crc32 } from "node:zlib";

const POLYNOMIAL = 0xedb88320;
/** x^0 in the reflected representation. */
const ONE = 0x80000000;

/** a(x) * b(x) modulo the CRC polynomial. */
export function multiplyModP(a: number, b: number): number {
  if (a === 0) return 0;
  let mask = ONE;
  let product = 0;
  let multiplier = b >>> 0;
  for (;;) {
    if (a & mask) {
      product ^= multiplier;
      if ((a & (mask - 1)) === 0) break;
    }
    mask >>>= 1;
    multiplier = multiplier & 1 ? (multiplier >>> 1) ^ POLYNOMIAL : multiplier >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0…31. */
const powersOfTwo = (() => {
  const table = new Uint32Array(32);
  let power = ONE >>> 1; // x^1
  for (let k = 0; k < 32; k++) {
    table[k] = power;
    power = multiplyModP(power, power);
  }
  return table;
})();

/** x^(8 * bytes) modulo the polynomial: what `bytes` zero bytes do to a CRC register. */
export function zeroBytesOperator(bytes: number): number {
  let power = ONE;
  let n = bytes;
  for (let k = 3; n > 0; n = Math.floor(n / 2), k++)
    if (n % 2 === 1) power = multiplyModP(powersOfTwo[k & 31] ?? 0, power);
  return power;
}

/** The CRC register of `bytes` run from zero, with no inversion: the linear part of CRC-32. */
export function linearCrc(bytes: Uint8Array): number {
  return ~crc32(bytes, 0xffffffff) >>> 0;
}
