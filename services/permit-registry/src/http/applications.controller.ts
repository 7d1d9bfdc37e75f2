import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { ApplicationDetail, ApplicationSummary } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { ApplicationDesk } from '../applications/application-desk.js';
import { answering } from './api-errors.js';
import { CONFLICT, FORBIDDEN, INVALID, NOT_FOUND, RULE } from './establishments.controller.js';

@ApiTags('applications')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/applications')
export class ApplicationsController {
  constructor(@Inject(ApplicationDesk) private readonly desk: ApplicationDesk) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'permit-officer of the municipality: an application (new, change, renewal) of a registered establishment (ApplicationRegistration)' })
  @ApiResponse({ status: 201, description: 'ApplicationSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  create(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @RequestOrigin() origin: string): Promise<ApplicationSummary> {
    return answering(() => this.desk.register(caller, body, origin));
  }

  @Get()
  @ApiOperation({ summary: "permit-officer of the municipality: its applications with their legal decision dates, overdue first" })
  @ApiQuery({ name: 'municipality', required: true, example: 'soest' })
  @ApiResponse({ status: 200, description: '[ApplicationSummary]' })
  @ApiResponse(INVALID)
  @ApiResponse(FORBIDDEN)
  list(@CurrentIdentity() caller: UserIdentity, @Query() query: unknown, @RequestOrigin() origin: string): Promise<ApplicationSummary[]> {
    return answering(() => this.desk.list(caller, query, origin));
  }

  @Get(':id')
  @ApiOperation({ summary: 'permit-officer of the municipality: timeline, completeness, deadlines with their explanation, Bibob status and conclusion (audited)' })
  @ApiResponse({ status: 200, description: 'ApplicationDetail' })
  @ApiResponse(INVALID)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  detail(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<ApplicationDetail> {
    return answering(() => this.desk.detail(caller, id, origin));
  }

  @Post(':id/completeness-requests')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'permit-officer: asks for what is missing ({ missing, date }); the decision term is suspended (art. 4:15 Awb)' })
  @ApiResponse({ status: 200, description: 'ApplicationSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(RULE)
  @ApiResponse(CONFLICT)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  askCompleteness(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<ApplicationSummary> {
    return answering(() => this.desk.askCompleteness(caller, id, body, origin));
  }

  @Post(':id/completeness-receipts')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'permit-officer: the missing items received ({ date }); the decision term runs again' })
  @ApiResponse({ status: 200, description: 'ApplicationSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(RULE)
  @ApiResponse(CONFLICT)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  receiveCompleteness(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<ApplicationSummary> {
    return answering(() => this.desk.receiveCompleteness(caller, id, body, origin));
  }

  @Post(':id/screening-request')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'permit-officer: requests the Bibob screening with one action (sealed screening.requested to the pool and the municipality)' })
  @ApiResponse({ status: 200, description: 'ApplicationSummary' })
  @ApiResponse(CONFLICT)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  requestScreening(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<ApplicationSummary> {
    return answering(() => this.desk.requestScreening(caller, id, origin));
  }
}
