// crypto.md5, crypto.sha1, crypto.sha256, crypto.hmac.{md5,sha1,sha256,sha512} and
// crypto.hmac.equal, over the UTF-8 bytes of strings; digests as lower-case hex.
import { V, VStr, T_STR, TRUE, FALSE, asStr } from "./value";
import { builtinErr } from "./builtins";
import { base64urlBytes } from "./encoding";

function bytesOf(s: string): Array<i32> {
  let b = Uint8Array.wrap(String.UTF8.encode(s));
  let r = new Array<i32>(b.length);
  for (let i = 0; i < b.length; i++) r[i] = b[i];
  return r;
}
function hexOf(b: Array<i32>): string {
  let h = "0123456789abcdef", out = new Array<string>();
  for (let i = 0; i < b.length; i++) out.push(h.charAt(b[i] >> 4) + h.charAt(b[i] & 15));
  return out.join("");
}
// The message padded to whole blocks, with its bit length (big- or little-endian) at the end.
function pad(m: Array<i32>, block: i32, lenBytes: i32, little: bool): Array<i32> {
  let p = m.slice(0);
  p.push(0x80);
  while (p.length % block != block - lenBytes) p.push(0);
  let bits: u64 = <u64>m.length * 8;
  let tail = new Array<i32>(lenBytes).fill(0);
  for (let i = 0; i < 8; i++) {
    let byte = <i32>((bits >> (<u64>(8 * i))) & 0xff);
    if (little) tail[i] = byte; else tail[lenBytes - 1 - i] = byte;
  }
  return p.concat(tail);
}

const MD5_S: StaticArray<i32> = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
function md5(m: Array<i32>): Array<i32> {
  let K = new Array<u32>(64);
  for (let i = 0; i < 64; i++) K[i] = <u32>Math.floor(Math.abs(Math.sin(<f64>(i + 1))) * 4294967296.0);
  let p = pad(m, 64, 8, true);
  let a0: u32 = 0x67452301, b0: u32 = 0xefcdab89, c0: u32 = 0x98badcfe, d0: u32 = 0x10325476;
  for (let off = 0; off < p.length; off += 64) {
    let w = new Array<u32>(16);
    for (let i = 0; i < 16; i++) w[i] = <u32>p[off + 4 * i] | (<u32>p[off + 4 * i + 1] << 8) | (<u32>p[off + 4 * i + 2] << 16) | (<u32>p[off + 4 * i + 3] << 24);
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      let f: u32, g: i32;
      if (i < 16) { f = (b & c) | (~b & d); g = i; }
      else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
      else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
      else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      f = f + a + K[i] + w[g];
      a = d; d = c; c = b;
      b = b + rotl<u32>(f, MD5_S[i]);
    }
    a0 += a; b0 += b; c0 += c; d0 += d;
  }
  let out = new Array<i32>();
  let hs: StaticArray<u32> = [a0, b0, c0, d0];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out.push(<i32>((hs[i] >> (8 * j)) & 0xff));
  return out;
}

function be32(h: Array<u32>): Array<i32> {
  let out = new Array<i32>();
  for (let i = 0; i < h.length; i++) for (let j = 3; j >= 0; j--) out.push(<i32>((h[i] >> (8 * j)) & 0xff));
  return out;
}
function sha1(m: Array<i32>): Array<i32> {
  let p = pad(m, 64, 8, false);
  let h: Array<u32> = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  let w = new Array<u32>(80);
  for (let off = 0; off < p.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = (<u32>p[off + 4 * i] << 24) | (<u32>p[off + 4 * i + 1] << 16) | (<u32>p[off + 4 * i + 2] << 8) | <u32>p[off + 4 * i + 3];
    for (let i = 16; i < 80; i++) w[i] = rotl<u32>(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (let i = 0; i < 80; i++) {
      let f: u32, k: u32;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = b ^ c ^ d; k = 0xca62c1d6; }
      let t = rotl<u32>(a, 5) + f + e + k + w[i];
      e = d; d = c; c = rotl<u32>(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
  }
  return be32(h);
}

const K256: StaticArray<u32> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
function sha256(m: Array<i32>): Array<i32> {
  let p = pad(m, 64, 8, false);
  let h: Array<u32> = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  let w = new Array<u32>(64);
  for (let off = 0; off < p.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = (<u32>p[off + 4 * i] << 24) | (<u32>p[off + 4 * i + 1] << 16) | (<u32>p[off + 4 * i + 2] << 8) | <u32>p[off + 4 * i + 3];
    for (let i = 16; i < 64; i++) {
      let s0 = rotr<u32>(w[i - 15], 7) ^ rotr<u32>(w[i - 15], 18) ^ (w[i - 15] >> 3);
      let s1 = rotr<u32>(w[i - 2], 17) ^ rotr<u32>(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (let i = 0; i < 64; i++) {
      let S1 = rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25);
      let ch = (e & f) ^ (~e & g);
      let t1 = hh + S1 + ch + K256[i] + w[i];
      let S0 = rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22);
      let mj = (a & b) ^ (a & c) ^ (b & c);
      let t2 = S0 + mj;
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  return be32(h);
}

const K512: StaticArray<u64> = [
  0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
  0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
  0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
  0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
  0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
  0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
  0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
  0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec, 0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
  0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
  0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817];
const IV512: StaticArray<u64> = [0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179];
const IV384: StaticArray<u64> = [0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939, 0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4];
// SHA-512, or SHA-384 (other initial values, 48 bytes of output)
function sha512(m: Array<i32>, is384: bool = false): Array<i32> {
  let p = pad(m, 128, 16, false);
  let iv = is384 ? IV384 : IV512;
  let h = new Array<u64>(8);
  for (let i = 0; i < 8; i++) h[i] = iv[i];
  let w = new Array<u64>(80);
  for (let off = 0; off < p.length; off += 128) {
    for (let i = 0; i < 16; i++) {
      let x: u64 = 0;
      for (let j = 0; j < 8; j++) x = (x << 8) | <u64>p[off + 8 * i + j];
      w[i] = x;
    }
    for (let i = 16; i < 80; i++) {
      let s0 = rotr<u64>(w[i - 15], 1) ^ rotr<u64>(w[i - 15], 8) ^ (w[i - 15] >> 7);
      let s1 = rotr<u64>(w[i - 2], 19) ^ rotr<u64>(w[i - 2], 61) ^ (w[i - 2] >> 6);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (let i = 0; i < 80; i++) {
      let S1 = rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41);
      let ch = (e & f) ^ (~e & g);
      let t1 = hh + S1 + ch + K512[i] + w[i];
      let S0 = rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39);
      let mj = (a & b) ^ (a & c) ^ (b & c);
      let t2 = S0 + mj;
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  let out = new Array<i32>();
  let words = is384 ? 6 : 8;
  for (let i = 0; i < words; i++) for (let j = 7; j >= 0; j--) out.push(<i32>((h[i] >> (<u64>(8 * j))) & 0xff));
  return out;
}

const MD5 = 0, SHA1 = 1, SHA256 = 2, SHA512 = 3, SHA384 = 4;
function digest(alg: i32, m: Array<i32>): Array<i32> {
  if (alg == MD5) return md5(m);
  if (alg == SHA1) return sha1(m);
  if (alg == SHA256) return sha256(m);
  return sha512(m, alg == SHA384);
}
function hmac(alg: i32, msg: Array<i32>, key: Array<i32>): Array<i32> {
  let block = alg == SHA512 || alg == SHA384 ? 128 : 64;
  let k = key.length > block ? digest(alg, key) : key.slice(0);
  while (k.length < block) k.push(0);
  let ipad = new Array<i32>(block), opad = new Array<i32>(block);
  for (let i = 0; i < block; i++) { ipad[i] = k[i] ^ 0x36; opad[i] = k[i] ^ 0x5c; }
  return digest(alg, opad.concat(digest(alg, ipad.concat(msg))));
}

function hash(alg: i32, a: V): V | null { return a.t == T_STR ? new VStr(hexOf(digest(alg, bytesOf(asStr(a).s)))) : null; }
function mac(alg: i32, m: V, k: V): V | null {
  if (m.t != T_STR || k.t != T_STR) return null;
  return new VStr(hexOf(hmac(alg, bytesOf(asStr(m).s), bytesOf(asStr(k).s))));
}
export function b_crypto_md5(a: V): V | null { return hash(MD5, a); }
export function b_crypto_sha1(a: V): V | null { return hash(SHA1, a); }
export function b_crypto_sha256(a: V): V | null { return hash(SHA256, a); }
export function b_crypto_hmac_md5(m: V, k: V): V | null { return mac(MD5, m, k); }
export function b_crypto_hmac_sha1(m: V, k: V): V | null { return mac(SHA1, m, k); }
export function b_crypto_hmac_sha256(m: V, k: V): V | null { return mac(SHA256, m, k); }
export function b_crypto_hmac_sha512(m: V, k: V): V | null { return mac(SHA512, m, k); }
// equal MACs, compared without stopping at the first difference
export function b_crypto_hmac_equal(a: V, b: V): V | null {
  if (a.t != T_STR || b.t != T_STR) return null;
  let x = bytesOf(asStr(a).s), y = bytesOf(asStr(b).s);
  if (x.length != y.length) return FALSE;
  let d = 0;
  for (let i = 0; i < x.length; i++) d |= x[i] ^ y[i];
  return d == 0 ? TRUE : FALSE;
}

// io.jwt.verify_hs256/384/512: the token's HMAC over "header.payload" with the secret.
function verifyHS(name: string, alg: i32, tok: V, secret: V): V | null {
  if (tok.t != T_STR || secret.t != T_STR) return null;
  let t = asStr(tok).s;
  if (!t.includes(".")) return builtinErr(name, "encoded JWT had no period separators");
  let parts = t.split(".");
  if (parts.length != 3) return builtinErr(name, "encoded JWT must have 3 sections, found " + parts.length.toString());
  let sig = base64urlBytes(parts[2]);
  if (sig === null) return builtinErr(name, "JWT signature had invalid encoding");
  let want = hmac(alg, bytesOf(parts[0] + "." + parts[1]), bytesOf(asStr(secret).s));
  if (want.length != sig!.length) return FALSE;
  let d = 0;
  for (let i = 0; i < want.length; i++) d |= want[i] ^ sig![i];
  return d == 0 ? TRUE : FALSE;
}
export function b_io_jwt_verify_hs256(t: V, s: V): V | null { return verifyHS("io.jwt.verify_hs256", SHA256, t, s); }
export function b_io_jwt_verify_hs384(t: V, s: V): V | null { return verifyHS("io.jwt.verify_hs384", SHA384, t, s); }
export function b_io_jwt_verify_hs512(t: V, s: V): V | null { return verifyHS("io.jwt.verify_hs512", SHA512, t, s); }
