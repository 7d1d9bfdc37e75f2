import { describe, expect, it } from 'vitest';
import { mispEvent, mispEventDocumentSchema, type MispExportRequest } from '../src/exports/index.js';

const request: MispExportRequest = {
  eventUuid: '5f0c2a8e-6d1b-4c1e-9a57-3c0f6b2f4e11',
  releaseId: 'riec-2026-01',
  date: '2026-02-01',
  timestamp: 1_769_904_000,
  organisation: { name: 'RIEC Midden-Nederland', uuid: '0b1f0e6c-2f7a-4f39-8f1e-6f4f3c9b1a22' },
  hits: [
    { kind: 'kvk', themes: ['witwassen', 'drugs'], municipalities: 2, firstSeen: '2026-01-03T09:15:00Z', lastSeen: '2026-01-28T16:40:00Z' },
    { kind: 'kenteken', themes: ['drugs'], municipalities: 3, firstSeen: '2025-11-30T23:10:00+01:00', lastSeen: '2026-01-12T08:00:00Z' },
  ],
};

describe(mispEvent.name, () => {
  it('produces an event that validates against MISP’s event JSON shape', () => {
    const sut = mispEvent(request);
    expect(mispEventDocumentSchema.safeParse(sut).error?.issues).toBeUndefined();
    expect(sut.Event.Attribute?.map((attribute) => attribute.value)).toEqual([
      "soort: kvk; thema's: drugs, witwassen; gemeenten: 2",
      "soort: kenteken; thema's: drugs; gemeenten: 3",
    ]);
    expect(sut.Event.Attribute?.map((attribute) => [attribute.first_seen, attribute.last_seen])).toEqual([
      ['2026-01-03T00:00:00+00:00', '2026-01-28T00:00:00+00:00'],
      ['2025-11-30T00:00:00+00:00', '2026-01-12T00:00:00+00:00'],
    ]);
  });

  it('gives the same attribute UUIDs for the same event, so a re-export updates rather than duplicates', () => {
    const uuids = (document: ReturnType<typeof mispEvent>) => document.Event.Attribute?.map((attribute) => attribute.uuid);
    expect(uuids(mispEvent(request))).toEqual(uuids(mispEvent(request)));
    expect(new Set(uuids(mispEvent(request))).size).toBe(2);
  });

  it('carries no token or identifier even when the caller’s hit rows hold them', () => {
    const planted = { token: 'tok_9f8e7d6c5b4a', identifier: '12345678', kvk: '1234 5678' };
    const sut = JSON.stringify(mispEvent({ ...request, hits: request.hits.map((hit) => ({ ...hit, ...planted })) }));
    for (const value of Object.values(planted)) expect(sut).not.toContain(value);
  });

  it('refuses a hit seen in fewer than two municipalities', () => {
    expect(() => mispEvent({ ...request, hits: request.hits.map((hit) => ({ ...hit, municipalities: 1 })) })).toThrow(/hits\[0\]\.municipalities/);
  });
});

describe('MISP event schema', () => {
  const valid = mispEvent(request);
  it('rejects documents that break the format, naming the key', () => {
    const broken = (patch: Record<string, unknown>) => ({ Event: { ...valid.Event, ...patch } });
    const pathOf = (document: unknown) => mispEventDocumentSchema.safeParse(document).error?.issues.map((issue) => issue.path.join('.'));
    expect(pathOf(broken({ threat_level_id: 4 }))).toEqual(['Event.threat_level_id']);
    expect(pathOf(broken({ distribution: '5' }))).toEqual(['Event.distribution']);
    expect(pathOf(broken({ info: 'twee\nregels' }))).toEqual(['Event.info']);
    expect(pathOf(broken({ uuid: 'not-a-uuid' }))).toEqual(['Event.uuid']);
    expect(pathOf(broken({ attribute_count: '7' }))).toEqual(['Event.attribute_count']);
    expect(pathOf(broken({ Attribute: [{ ...valid.Event.Attribute?.[0], category: 'Other', type: 'ip-src' }] }))).toContain('Event.Attribute.0.type');
    expect(pathOf({ info: 'no Event wrapper' })).toEqual(['Event']);
  });

  it('accepts an object with its template, as MISP exports them', () => {
    const withObject = {
      Event: {
        ...valid.Event,
        Object: [
          {
            uuid: '398b0094-0384-4c48-9bf0-22b3dff9c4d3',
            name: 'file',
            'meta-category': 'file',
            description: 'File object describing a file with meta-information',
            template_uuid: '688c46fb-5edb-40a3-8273-1af7923e2215',
            template_version: '3',
            timestamp: '1505747965',
            distribution: '5',
            deleted: false,
            Attribute: [],
          },
        ],
      },
    };
    expect(mispEventDocumentSchema.safeParse(withObject).success).toBe(true);
    const badVersion = { Event: { ...withObject.Event, Object: withObject.Event.Object.map((object) => ({ ...object, template_version: 'drie' })) } };
    expect(mispEventDocumentSchema.safeParse(badVersion).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['Event.Object.0.template_version']);
  });
});
