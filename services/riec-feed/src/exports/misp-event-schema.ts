import { z } from 'zod';

/**
 * MISP's event JSON shape, after the MISP core format (draft-dulaunoy-misp-core-format, §2 Event,
 * Attribute, Object, Tag). Keys the format requires are required; identifiers that the receiving
 * instance assigns on import (id, event_id, object_id, org_id, orgc_id) are optional, as in MISP's own
 * feed files. Extra keys are allowed (MISP adds its own); the values of known keys are checked.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = z.string().regex(UUID, 'must be a UUID');
const unsignedString = z.string().regex(/^\d+$/, 'must be an unsigned integer as a string');
const unixTimestamp = z.string().regex(/^\d+$/, 'must be a Unix timestamp in seconds as a string');
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 date-time with time zone');
const seen = isoDateTime.nullable().optional();
/** Event, object and report distribution: 0 organisation, 1 community, 2 connected, 3 all, 4 sharing group. */
const eventDistribution = z.enum(['0', '1', '2', '3', '4']);
/** Attributes and objects may also inherit the event's distribution (5). */
const attributeDistribution = z.enum(['0', '1', '2', '3', '4', '5']);

export const MISP_CATEGORIES = [
  'Antivirus detection',
  'Artifacts dropped',
  'Attribution',
  'External analysis',
  'Financial fraud',
  'Internal reference',
  'Network activity',
  'Other',
  'Payload delivery',
  'Payload installation',
  'Payload type',
  'Persistence mechanism',
  'Person',
  'Social network',
  'Support Tool',
  'Targeting data',
] as const;

/**
 * The valid types of the categories a summary export can use; the categories for file, network and
 * payload indicators are checked by name only (their type lists are long and this hub never sends them).
 */
const TYPES_OF_CATEGORY: Partial<Record<(typeof MISP_CATEGORIES)[number], readonly string[]>> = {
  'Antivirus detection': ['link', 'comment', 'text', 'hex', 'attachment', 'other', 'anonymised'],
  'Internal reference': ['text', 'link', 'comment', 'other', 'hex', 'anonymised', 'git-commit-id'],
  Other: ['comment', 'text', 'other', 'size-in-bytes', 'counter', 'integer', 'datetime', 'cpe', 'port', 'float', 'hex', 'phone-number', 'boolean', 'anonymised', 'pgp-public-key', 'pgp-private-key', 'uuid'],
  'Payload type': ['comment', 'text', 'other', 'anonymised'],
  'Persistence mechanism': ['filename', 'regkey', 'regkey|value', 'comment', 'text', 'other', 'hex', 'anonymised'],
  'Support Tool': ['link', 'text', 'attachment', 'comment', 'other', 'hex', 'anonymised'],
  'Targeting data': ['target-user', 'target-email', 'target-machine', 'target-org', 'target-location', 'target-external', 'comment', 'anonymised'],
};

const tag = z.object({
  name: z.string().min(1),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be an RGB colour').optional(),
  exportable: z.boolean().optional(),
  id: unsignedString.optional(),
});

const attribute = z
  .object({
    uuid,
    id: unsignedString.optional(),
    event_id: unsignedString.optional(),
    object_id: unsignedString.optional(),
    object_relation: z.string().nullable().optional(),
    type: z.string().min(1),
    category: z.enum(MISP_CATEGORIES),
    to_ids: z.boolean(),
    distribution: attributeDistribution,
    sharing_group_id: unsignedString.optional(),
    timestamp: unixTimestamp,
    comment: z.string().optional(),
    deleted: z.boolean(),
    disable_correlation: z.boolean().optional(),
    value: z.string(),
    first_seen: seen,
    last_seen: seen,
    Tag: z.array(tag).optional(),
  })
  .superRefine((value, context) => {
    const allowed = TYPES_OF_CATEGORY[value.category];
    if (allowed !== undefined && !allowed.includes(value.type)) {
      context.addIssue({ code: 'custom', path: ['type'], message: `is not a valid type for category ${value.category}` });
    }
    if (value.distribution !== '4' && value.sharing_group_id !== undefined && value.sharing_group_id !== '0') {
      context.addIssue({ code: 'custom', path: ['sharing_group_id'], message: 'must be "0" unless distribution is 4' });
    }
  });

const mispObject = z.object({
  uuid,
  id: unsignedString.optional(),
  event_id: unsignedString.optional(),
  name: z.string().min(1),
  'meta-category': z.string().min(1),
  description: z.string(),
  template_uuid: uuid,
  template_version: unsignedString,
  timestamp: unixTimestamp,
  // The draft's list says 0–4, its own sample object and MISP itself use 5 (inherit) too.
  distribution: attributeDistribution,
  sharing_group_id: unsignedString.optional(),
  comment: z.string().optional(),
  deleted: z.boolean(),
  first_seen: seen,
  last_seen: seen,
  Attribute: z.array(attribute),
});

const organisation = z.object({ uuid, name: z.string().min(1), id: unsignedString.optional() });

export const mispEventSchema = z
  .object({
    uuid,
    id: unsignedString.optional(),
    published: z.boolean(),
    info: z.string().min(1).max(256).regex(/^[^\r\n]*$/, 'must be one line'),
    threat_level_id: z.enum(['1', '2', '3', '4']),
    analysis: z.enum(['0', '1', '2']),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    timestamp: unixTimestamp,
    publish_timestamp: unixTimestamp,
    org_id: unsignedString.optional(),
    orgc_id: unsignedString.optional(),
    attribute_count: unsignedString.optional(),
    distribution: eventDistribution,
    sharing_group_id: unsignedString.optional(),
    Orgc: organisation,
    Attribute: z.array(attribute).optional(),
    Object: z.array(mispObject).optional(),
    Tag: z.array(tag).optional(),
  })
  .superRefine((event, context) => {
    if (event.distribution !== '4' && event.sharing_group_id !== undefined && event.sharing_group_id !== '0') {
      context.addIssue({ code: 'custom', path: ['sharing_group_id'], message: 'must be "0" unless distribution is 4' });
    }
    if (event.distribution === '4' && (event.sharing_group_id === undefined || event.sharing_group_id === '0')) {
      context.addIssue({ code: 'custom', path: ['sharing_group_id'], message: 'must name the sharing group when distribution is 4' });
    }
    if (event.attribute_count !== undefined && Number(event.attribute_count) !== (event.Attribute?.length ?? 0)) {
      context.addIssue({ code: 'custom', path: ['attribute_count'], message: 'must equal the number of attributes' });
    }
  });

/** A MISP event document as MISP imports and exports it: the event under the key "Event". */
export const mispEventDocumentSchema = z.object({ Event: mispEventSchema });

export type MispEventDocument = z.infer<typeof mispEventDocumentSchema>;
