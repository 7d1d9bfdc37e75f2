import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuditedAccess, RequestOrigin } from '@signaalhub/access';
import { IDEMPOTENCY_KEY_HEADER, type AcceptedSignal, type MySignalsResponse, type SignalOverviewItem } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { invalidInput, NOT_JSON_PROBLEM, UuidParameter } from '@signaalhub/service-kit';
import type { Request, Response } from 'express';
import { INTAKE_ROLE } from '../authorisation/intake-access-policy.js';
import { parseIdempotencyKey } from './idempotency.js';
import {
  ACCEPTED_SCHEMA,
  FORBIDDEN_SCHEMA,
  SIGNAL_OVERVIEW_ITEM_SCHEMA,
  signalSubmissionSchema,
  UNAUTHENTICATED_SCHEMA,
  VALIDATION_ERROR_SCHEMA,
} from './openapi-schemas.js';
import { SignalOverview } from './signal-overview.js';
import { SignalSubmitter } from './signal-submitter.js';

@ApiTags('signals')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@ApiUnauthorizedResponse({ description: 'No or an invalid identity token', schema: UNAUTHENTICATED_SCHEMA })
@ApiForbiddenResponse({ description: 'Not allowed for this role, party or municipality (audited)', schema: FORBIDDEN_SCHEMA })
@Controller('api/signals')
export class SignalsController {
  constructor(
    @Inject(SignalSubmitter) private readonly submitter: SignalSubmitter,
    @Inject(SignalOverview) private readonly overview: SignalOverview,
    @Inject(AuditedAccess) private readonly access: AuditedAccess,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Submit a signal (inspector of the signal\'s municipality)',
    description:
      'Validates and canonicalises, computes match tokens, picks recipients from the distribution policy, seals the signal and ' +
      'stores it with its outbox row in one transaction. 201 means it will reach Kafka, even if the broker is down now. ' +
      'A retry with the same Idempotency-Key and body returns the same signal (200); the same key with another body is 422.',
  })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'Client-chosen key (8–128 of A-Z a-z 0-9 . _ : -), e.g. a UUID' })
  @ApiBody({ schema: signalSubmissionSchema() })
  @ApiCreatedResponse({ description: 'Accepted', schema: ACCEPTED_SCHEMA })
  @ApiOkResponse({ description: 'A retry of an accepted submission: the same signal', schema: ACCEPTED_SCHEMA })
  @ApiBadRequestResponse({ description: 'Names each field and the rule it broke; nothing is stored', schema: VALIDATION_ERROR_SCHEMA })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for a different body' })
  async submit(
    @CurrentIdentity() identity: UserIdentity,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @Body() body: unknown,
    @Req() request: Request,
    @RequestOrigin() origin: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcceptedSignal> {
    await this.access.check({ caller: identity, action: 'signal.submit', object: { type: 'signal', id: 'new' }, origin, roles: [INTAKE_ROLE] });
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    if (!idempotencyKey.ok) throw invalidInput([idempotencyKey.problem]);
    if (request.is('application/json') !== 'application/json') throw new BadRequestException(NOT_JSON_PROBLEM);
    const result = await this.submitter.submit({ identity, idempotencyKey: idempotencyKey.key, body, origin });
    switch (result.kind) {
      case 'invalid':
        throw invalidInput(result.problems);
      case 'conflict':
        throw new UnprocessableEntityException({
          error: 'idempotency-conflict',
          problems: [
            {
              field: IDEMPOTENCY_KEY_HEADER,
              rule: 'the key was already used for a different submission',
              message: 'Deze Idempotency-Key is al gebruikt voor een andere melding',
            },
          ],
        });
      case 'replayed':
        response.status(HttpStatus.OK);
        return { id: result.id, status: result.status };
      case 'created':
        response.status(HttpStatus.CREATED);
        return { id: result.id, status: 'ontvangen' };
    }
  }

  @Get('mine')
  @ApiOperation({ summary: "The caller's own signals, newest first, with status and the meeting's feedback (inspector)" })
  @ApiOkResponse({ schema: { type: 'object', properties: { signals: { type: 'array', items: SIGNAL_OVERVIEW_ITEM_SCHEMA } } } })
  async mine(@CurrentIdentity() identity: UserIdentity, @RequestOrigin() origin: string): Promise<MySignalsResponse> {
    await this.access.check({ caller: identity, action: 'signal.list-own', object: { type: 'signal-list', id: identity.userId }, origin, roles: [INTAKE_ROLE] });
    return { signals: await this.overview.mine(identity, origin) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One signal with status and feedback (inspector of the reporting party)' })
  @ApiOkResponse({ schema: SIGNAL_OVERVIEW_ITEM_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such signal' })
  async one(
    @CurrentIdentity() identity: UserIdentity,
    @Param('id', UuidParameter) id: string,
    @RequestOrigin() origin: string,
  ): Promise<SignalOverviewItem> {
    await this.access.check({ caller: identity, action: 'signal.view', object: { type: 'signal', id }, origin, roles: [INTAKE_ROLE] });
    const lookup = await this.overview.one(id, identity, origin);
    if (lookup.kind === 'not-found') throw new NotFoundException({ error: 'not-found' });
    return lookup.item;
  }
}
