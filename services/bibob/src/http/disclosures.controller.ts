import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { DisclosureRecord } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { DisclosureRegister } from '../disclosures/disclosure-register.js';
import { answering } from './api-errors.js';
import { optionalMunicipality } from './request-input.js';

@ApiTags('disclosures')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/disclosures')
export class DisclosuresController {
  constructor(@Inject(DisclosureRegister) private readonly register: DisclosureRegister) {}

  @Get()
  @ApiOperation({ summary: "The art. 28 disclosure register (what, to whom, ground, when, by whom). Auditor of the pool: all; of a municipality: its own (municipality required). Audited" })
  @ApiQuery({ name: 'municipality', required: false, example: 'soest' })
  @ApiResponse({ status: 200, description: '[DisclosureRecord]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  list(@CurrentIdentity() caller: UserIdentity, @Query('municipality') municipality: unknown, @RequestOrigin() origin: string): Promise<DisclosureRecord[]> {
    return answering(() => this.register.read(caller, optionalMunicipality(municipality), origin));
  }
}
