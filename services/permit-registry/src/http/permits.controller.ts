import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { PermitDetail } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { PermitDesk } from '../permits/permit-desk.js';
import { answering } from './api-errors.js';
import { CONFLICT, FORBIDDEN, INVALID, NOT_FOUND, RULE } from './establishments.controller.js';

@ApiTags('permits')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/permits')
export class PermitsController {
  constructor(@Inject(PermitDesk) private readonly desk: PermitDesk) {}

  @Get(':id')
  @ApiOperation({ summary: 'permit-officer of the municipality: the permit, its conditions and its history with who, when and why (audited)' })
  @ApiResponse({ status: 200, description: 'PermitDetail' })
  @ApiResponse(INVALID)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  detail(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<PermitDetail> {
    return answering(() => this.desk.detail(caller, id, origin));
  }

  @Post(':id/actions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'permit-officer: one action (PermitActionRequest: zienswijze-vragen, zienswijze-ontvangen, verlenen, weigeren, schorsen, schorsing-opheffen, intrekken, laten-vervallen); a decision publishes its sealed permit event',
  })
  @ApiResponse({ status: 200, description: 'PermitDetail' })
  @ApiResponse(INVALID)
  @ApiResponse(RULE)
  @ApiResponse(CONFLICT)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  act(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<PermitDetail> {
    return answering(() => this.desk.act(caller, id, body, origin));
  }
}
