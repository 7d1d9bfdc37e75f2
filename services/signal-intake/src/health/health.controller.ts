import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@signaalhub/identity';
import type { Response } from 'express';
import { ReadinessService, type DependencyStatus } from './readiness.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Liveness: the process is running and serving HTTP' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Kafka, Redis and PostgreSQL answer (503 otherwise)' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<{ status: string; dependencies: DependencyStatus[] }> {
    const dependencies = await this.readiness.check();
    const ready = dependencies.every((dependency) => dependency.ready);
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'not-ready', dependencies };
  }
}
