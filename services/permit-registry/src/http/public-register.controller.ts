import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PublicRegister as PublicRegisterAnswer, PublicRegisterIndex } from '@signaalhub/contracts';
import { Public } from '@signaalhub/identity';
import { publicRegisterCsv } from '../public-register/public-register-csv.js';
import { PublicRegister } from '../public-register/public-register.js';
import { answering } from './api-errors.js';
import { INVALID, NOT_FOUND, RULE } from './establishments.controller.js';

const DATE_QUERY = { name: 'date', required: false, example: '2026-06-30', description: 'YYYY-MM-DD, not in the future: the register as it stood on that day (default today)' } as const;
const MUNICIPALITY = { name: 'municipality', example: 'soest', description: 'a municipality that runs a registry here' } as const;

@ApiTags('public-register')
@Public()
@Controller('api/public-register')
export class PublicRegisterController {
  constructor(@Inject(PublicRegister) private readonly register: PublicRegister) {}

  @Get()
  @ApiOperation({ summary: 'No sign-in: the municipalities that run a registry here, each with a public register (PublicRegisterIndex)' })
  @ApiResponse({ status: 200, description: 'PublicRegisterIndex' })
  index(): PublicRegisterIndex {
    return { municipalities: this.register.municipalities };
  }

  @Get(':municipality')
  @ApiOperation({ summary: 'No sign-in: the public register of a municipality (PublicRegister) as it stood on `date`; only the fields the configuration makes public, and tombstones of withdrawn entries' })
  @ApiParam(MUNICIPALITY)
  @ApiQuery(DATE_QUERY)
  @ApiResponse({ status: 200, description: 'PublicRegister' })
  @ApiResponse(INVALID)
  @ApiResponse({ ...RULE, description: 'a date in the future' })
  @ApiResponse(NOT_FOUND)
  asOf(@Param('municipality') municipality: string, @Query() query: unknown): Promise<PublicRegisterAnswer> {
    return answering(() => this.register.asOf(municipality, query));
  }

  @Get(':municipality/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'No sign-in: the same register as CSV (one header row, one row per permit, Dutch column names)' })
  @ApiProduces('text/csv')
  @ApiParam(MUNICIPALITY)
  @ApiQuery(DATE_QUERY)
  @ApiResponse({ status: 200, description: 'text/csv' })
  @ApiResponse(INVALID)
  @ApiResponse({ ...RULE, description: 'a date in the future' })
  @ApiResponse(NOT_FOUND)
  async csv(@Param('municipality') municipality: string, @Query() query: unknown): Promise<string> {
    return publicRegisterCsv(await answering(() => this.register.asOf(municipality, query)));
  }
}
