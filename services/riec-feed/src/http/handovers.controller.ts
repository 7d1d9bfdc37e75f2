import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { HandoverDetail, HandoverSummary } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { RiecHandovers } from '../handovers/riec-handovers.js';
import { answering } from './feed-errors.js';

@ApiTags('handovers')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/handovers')
export class HandoversController {
  constructor(@Inject(RiecHandovers) private readonly handovers: RiecHandovers) {}

  @Get()
  @ApiOperation({ summary: 'riec-liaison: the hand-over inbox — decisions with "Overdragen aan het RIEC", open ones first (routing facts only)' })
  @ApiResponse({ status: 200, description: '[HandoverSummary]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  list(@CurrentIdentity() caller: UserIdentity, @RequestOrigin() origin: string): Promise<HandoverSummary[]> {
    return answering(() => this.handovers.list(caller, origin));
  }

  @Get(':id')
  @ApiOperation({ summary: 'riec-liaison: a hand-over with its decision and signal opened as the RIEC (audited)' })
  @ApiResponse({ status: 200, description: 'HandoverDetail' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  open(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<HandoverDetail> {
    return answering(() => this.handovers.open(caller, id, origin));
  }

  @Post(':id/acceptance')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'riec-liaison: accepts the hand-over as a RIEC case ({ caseReference? }); handover.accepted sealed to the municipality only (audited)' })
  @ApiResponse({ status: 200, description: 'HandoverSummary' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: already answered; nothing stored or sent' })
  @ApiResponse({ status: 422, description: '{ error: "validation", problems: [{ field, rule, message }] }; nothing stored or sent' })
  accept(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<HandoverSummary> {
    return answering(() => this.handovers.accept(caller, id, body, origin));
  }

  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'riec-liaison: gives the hand-over back ({ reason }, required); handover.returned sealed to the municipality only, the reason inside (audited)' })
  @ApiResponse({ status: 200, description: 'HandoverSummary' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: already answered; nothing stored or sent' })
  @ApiResponse({ status: 422, description: '{ error: "validation", problems: [{ field: "reason", rule, message }] }; nothing stored or sent' })
  giveBack(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<HandoverSummary> {
    return answering(() => this.handovers.giveBack(caller, id, body, origin));
  }
}
