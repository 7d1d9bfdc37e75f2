import type { SchemaObject } from '@nestjs/swagger';
import { SignalImportRequest, SignalSubmission } from '@signaalhub/contracts';
import { z } from 'zod';

/** The request body schema, generated from the contracts (input side: what a client may send). */
export function signalSubmissionSchema(): SchemaObject {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(SignalSubmission, { io: 'input', unrepresentable: 'any' });
  return schema as SchemaObject;
}

/** The historical import's request body (`POST /api/admin/signal-imports`), from the contracts. */
export function signalImportRequestSchema(): SchemaObject {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(SignalImportRequest, { io: 'input', unrepresentable: 'any' });
  return schema as SchemaObject;
}

export const SIGNAL_IMPORT_RESPONSE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['importBatchId', 'imported', 'alreadyImported', 'signals'],
  properties: {
    importBatchId: { type: 'string', format: 'uuid', description: 'The audit entry of this import names it' },
    imported: { type: 'integer' },
    alreadyImported: { type: 'integer' },
    signals: {
      type: 'array',
      items: {
        type: 'object',
        required: ['importId', 'signalId', 'result'],
        properties: { importId: { type: 'string' }, signalId: { type: 'string', format: 'uuid' }, result: { type: 'string', enum: ['imported', 'already-imported'] } },
      },
    },
  },
};

const problem: SchemaObject = {
  type: 'object',
  required: ['field', 'rule', 'message'],
  properties: {
    field: { type: 'string', description: 'Dotted path of the field, e.g. `subjects.0.kvkNumber`; `body` for the body as a whole' },
    rule: { type: 'string', description: 'The rule that was broken, in English' },
    message: { type: 'string', description: 'The rule in Dutch, to show next to the field' },
  },
};

export const VALIDATION_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error', 'problems'],
  properties: { error: { type: 'string', enum: ['validation'] }, problems: { type: 'array', items: problem } },
};

export const FORBIDDEN_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string', enum: ['forbidden'] } },
};

export const UNAUTHENTICATED_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string', enum: ['unauthenticated'] } },
};

export const ACCEPTED_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'status'],
  properties: { id: { type: 'string', format: 'uuid' }, status: { type: 'string', enum: ['ontvangen', 'verzonden', 'besproken'] } },
};

const feedback: SchemaObject = {
  type: 'object',
  properties: {
    decisionId: { type: 'string', format: 'uuid' },
    decidedAt: { type: 'string', format: 'date-time' },
    approach: { type: 'string', enum: ['bestuurlijk', 'strafrechtelijk', 'fiscaal', 'combinatie', 'zorg', 'geen-actie', 'meer-informatie'] },
    approachLabel: { type: 'string' },
    leadParty: { type: 'string' },
    actions: {
      type: 'array',
      items: { type: 'object', properties: { description: { type: 'string' }, dueDate: { type: 'string', format: 'date' } } },
    },
    riecHandover: { type: 'boolean' },
    feedback: { type: 'string' },
  },
};

export const SIGNAL_OVERVIEW_ITEM_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    municipality: { type: 'string' },
    theme: { type: 'string' },
    themeLabel: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['ontvangen', 'verzonden', 'besproken'] },
    statusLabel: { type: 'string' },
    feedback: { type: 'array', items: feedback },
  },
};
