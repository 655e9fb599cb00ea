import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ALL_PRESETS, presetWithData } from '../../scenarios/preset-catalogue.js';
import { decodeShare, encodeShare, SHARE_LINK_LIMIT, SHARE_ROUTE, ShareLinkError, shareLink, sharePayloadOf } from '../../web/src/state/share-link.js';

/**
 * The shareable link (web/src/state/share-link.ts): the document survives the round trip exactly,
 * the payload is standard deflate in base64url (read back here with Node's zlib, a second
 * implementation), and a document whose link would pass the documented limit gets no link.
 */
const BASE = 'https://werkbank.example/';

describe('shareable link', () => {
  it('restores every preset contract and fund exactly (deep equal after encode and decode)', async () => {
    for (const entry of ALL_PRESETS) {
      const data = presetWithData(entry) as { contract?: unknown; portfolio?: unknown };
      const kind = data.contract !== undefined ? 'contract' : 'portfolio';
      const document = data.contract ?? data.portfolio;
      const link = await shareLink(BASE, { kind, document });
      expect(link.startsWith(BASE + SHARE_ROUTE + (kind === 'contract' ? 'c1.' : 'f1.'))).toBe(true);
      // The presets fit the limit with room to spare (2,900 to 4,900 characters; the Rotterdam-style
      // contract with its budget-holder defaults and their sources is the largest; see share-link.ts).
      expect(link.length).toBeLessThan(SHARE_LINK_LIMIT * 0.65);
      const payload = sharePayloadOf(new URL(link).hash)!;
      expect(await decodeShare(payload)).toEqual({ kind, document });
    }
  });

  it('writes standard deflate in base64url, which zlib reads back', async () => {
    const document = { name: 'Proef € 2.500 — “quotes”', values: [1.5, -2, 1e-12] };
    const payload = await encodeShare({ kind: 'contract', document });
    const body = payload.slice(3);
    // base64url: no '+', '/' or '=' that a URL would have to escape.
    expect(body).toMatch(/^[A-Za-z0-9_-]+$/);
    const inflated = inflateSync(Buffer.from(body, 'base64url')).toString('utf8');
    expect(JSON.parse(inflated)).toEqual(document);
  });

  it('refuses a link longer than the limit (random text does not compress)', async () => {
    // 20,000 pseudo-random base-36 characters carry about 5.2 bits each: deflate cannot bring
    // them below about 12,900 bytes, over 17,000 characters in base64.
    let noise = '';
    let state = 12345;
    for (let i = 0; i < 20_000; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      noise += Math.floor((state / 2 ** 31) * 36).toString(36);
    }
    const attempt = shareLink(BASE, { kind: 'contract', document: { name: noise } });
    await expect(attempt).rejects.toBeInstanceOf(ShareLinkError);
    await expect(attempt).rejects.toMatchObject({ reason: 'too-long' });
  });

  it('says a damaged or foreign payload is unreadable instead of restoring something else', async () => {
    const good = await encodeShare({ kind: 'portfolio', document: { name: 'Fonds' } });
    for (const bad of [good.slice(0, -6), 'x1.' + good.slice(3), 'c1.@@@', 'c1.' + Buffer.from('[1,2]').toString('base64url')])
      await expect(decodeShare(bad)).rejects.toMatchObject({ reason: 'unreadable' });
    expect(sharePayloadOf('#/saved?share=f1.abc')).toBe('f1.abc');
    expect(sharePayloadOf('#/contract')).toBeNull();
  });
});
