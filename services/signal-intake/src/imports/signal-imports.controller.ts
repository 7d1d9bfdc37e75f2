import { BadRequestException, Body, Controller, HttpStatus, Inject, Post, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuditedAccess, RequestOrigin } from '@signaalhub/access';
import type { SignalImportResponse } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { invalidInput, NOT_JSON_PROBLEM } from '@signaalhub/service-kit';
import type { Request, Response } from 'express';
import { IMPORT_ROLE } from '../authorisation/intake-access-policy.js';
import {
  FORBIDDEN_SCHEMA,
  SIGNAL_IMPORT_RESPONSE_SCHEMA,
  signalImportRequestSchema,
  UNAUTHENTICATED_SCHEMA,
  VALIDATION_ERROR_SCHEMA,
} from '../signals/openapi-schemas.js';
import { SignalImporter } from './signal-importer.js';

@ApiTags('admin')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@ApiUnauthorizedResponse({ description: 'No or an invalid identity token', schema: UNAUTHENTICATED_SCHEMA })
@ApiForbiddenResponse({ description: 'Not the hub admin (audited)', schema: FORBIDDEN_SCHEMA })
@Controller('api/admin/signal-imports')
export class SignalImportsController {
  constructor(
    @Inject(SignalImporter) private readonly importer: SignalImporter,
    @Inject(AuditedAccess) private readonly access: AuditedAccess,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Import earlier signals with their original report dates (admin)',
    description:
      'Each row is validated, canonicalised, tokenised and sealed like a submitted signal (from its municipality\'s party), ' +
      'with `reportedOn` in the payload\'s `reportedAt` and in the header, and published through the outbox. All or nothing ' +
      'per request: a bad row refuses the request (400 naming `signals.<row>.<field>`) and nothing is stored. Idempotent per ' +
      '`importId`: a row imported before is answered as `already-imported`; the same id with a different row is 422. Audited.',
  })
  @ApiBody({ schema: signalImportRequestSchema() })
  @ApiCreatedResponse({ description: 'At least one row was imported now', schema: SIGNAL_IMPORT_RESPONSE_SCHEMA })
  @ApiOkResponse({ description: 'Every row had been imported before: nothing new', schema: SIGNAL_IMPORT_RESPONSE_SCHEMA })
  @ApiBadRequestResponse({ description: 'Names each row\'s field and the rule it broke; nothing is stored', schema: VALIDATION_ERROR_SCHEMA })
  @ApiUnprocessableEntityResponse({ description: 'An importId was used before for a different row; nothing is stored' })
  async import(
    @CurrentIdentity() identity: UserIdentity,
    @Body() body: unknown,
    @Req() request: Request,
    @RequestOrigin() origin: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignalImportResponse> {
    await this.access.check({ caller: identity, action: 'signal.import', object: { type: 'signal-import', id: 'new' }, origin, roles: [IMPORT_ROLE] });
    if (request.is('application/json') !== 'application/json') throw new BadRequestException(NOT_JSON_PROBLEM);
    const result = await this.importer.import({ identity, body, origin });
    switch (result.kind) {
      case 'invalid':
        throw invalidInput(result.problems);
      case 'conflict':
        throw new UnprocessableEntityException({ error: 'import-conflict', problems: result.problems });
      case 'done':
        response.status(result.response.imported > 0 ? HttpStatus.CREATED : HttpStatus.OK);
        return result.response;
    }
  }
}
