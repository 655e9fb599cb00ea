/**
 * A shareable link that restores the inputs without an account: the contract (or fund) as JSON,
 * compressed with the browser's own CompressionStream ('deflate', RFC 1950) and written in
 * base64url (RFC 4648 §5, no padding) into the URL's hash, which browsers never send to the server:
 *
 *   https://host/#/saved?share=c1.<base64url>   (c: a contract, f: a fund; 1: this encoding)
 *
 * Size limit: the whole link stays within SHARE_LINK_LIMIT characters, the 8,000 octets RFC 9110
 * (§4.1) recommends every sender and recipient to support; mail programs and chat apps cut or
 * refuse longer links. A preset contract takes 2,900 to 4,900 characters (the largest, the
 * Rotterdam-style contract with its budget-holder defaults and their sources: 4,823). A larger document gets no link: the page says
 * so and suggests saving it with an API key or exporting the JSON.
 *
 * Pure apart from the web-standard globals CompressionStream, Blob, Response, btoa and atob, which
 * browsers and Node 20 both have (the unit test runs the same code).
 */

export type SharedKind = 'contract' | 'portfolio';

export interface SharedDocument {
  kind: SharedKind;
  document: unknown;
}

/** Longest link the page offers, in characters (RFC 9110 §4.1: at least 8,000 octets). */
export const SHARE_LINK_LIMIT = 8000;

/** The hash route and query key of a shared link. */
export const SHARE_ROUTE = '#/saved?share=';

const PREFIX: Record<SharedKind, string> = { contract: 'c1.', portfolio: 'f1.' };

export class ShareLinkError extends Error {
  constructor(
    readonly reason: 'too-long' | 'unreadable',
    readonly length = 0,
  ) {
    super(reason === 'too-long' ? `the link would be ${length} characters, more than ${SHARE_LINK_LIMIT}` : 'the link is damaged or incomplete');
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError('unreadable');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** The hash payload ("c1.<base64url>") of a document. */
export async function encodeShare(shared: SharedDocument): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(shared.document));
  return PREFIX[shared.kind] + toBase64Url(await transform(json, new CompressionStream('deflate')));
}

/** The document behind a payload; throws ShareLinkError('unreadable') for anything else. */
export async function decodeShare(payload: string): Promise<SharedDocument> {
  const kind = (Object.keys(PREFIX) as SharedKind[]).find((k) => payload.startsWith(PREFIX[k]));
  if (kind === undefined) throw new ShareLinkError('unreadable');
  try {
    const bytes = await transform(fromBase64Url(payload.slice(PREFIX[kind].length)), new DecompressionStream('deflate'));
    const document: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new ShareLinkError('unreadable');
    return { kind, document };
  } catch {
    throw new ShareLinkError('unreadable');
  }
}

/** The full link for a document at `base` (origin + path, e.g. "https://host/"); throws ShareLinkError('too-long') past the limit. */
export async function shareLink(base: string, shared: SharedDocument): Promise<string> {
  const link = base + SHARE_ROUTE + (await encodeShare(shared));
  if (link.length > SHARE_LINK_LIMIT) throw new ShareLinkError('too-long', link.length);
  return link;
}

/** The payload in a location hash ("#/saved?share=c1.…"), or null when the hash holds none. */
export function sharePayloadOf(hash: string): string | null {
  const query = hash.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(hash.slice(query + 1)).get('share');
}
