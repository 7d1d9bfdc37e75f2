import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { Exclusion } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { ExclusionList } from '../hits/exclusion-list.js';
import { answering } from './feed-errors.js';

const FORBIDDEN = { status: 403, description: '{ error: "forbidden" } (audited)' } as const;

@ApiTags('exclusions')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/exclusions')
export class ExclusionsController {
  constructor(@Inject(ExclusionList) private readonly exclusions: ExclusionList) {}

  @Get()
  @ApiOperation({ summary: 'riec-liaison: the exclusion list (kind, label, who and when; never the identifier or its token)' })
  @ApiResponse({ status: 200, description: '[Exclusion]' })
  @ApiResponse(FORBIDDEN)
  list(@CurrentIdentity() caller: UserIdentity, @RequestOrigin() origin: string): Promise<Exclusion[]> {
    return answering(() => this.exclusions.list(caller, origin));
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'riec-liaison: excludes an identifier from the hits (ExclusionRequest); only its match token and the label are kept (audited)' })
  @ApiResponse({ status: 201, description: 'Exclusion' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }; nothing stored' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: already on the list' })
  @ApiResponse(FORBIDDEN)
  add(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @RequestOrigin() origin: string): Promise<Exclusion> {
    return answering(() => this.exclusions.add(caller, body, origin));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'riec-liaison: removes an entry; its token counts in the hits again (audited)' })
  @ApiResponse({ status: 204 })
  @ApiResponse(FORBIDDEN)
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  remove(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<void> {
    return answering(() => this.exclusions.remove(caller, id, origin));
  }
}
