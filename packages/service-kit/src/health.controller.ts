import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@signaalhub/identity';
import type { Response } from 'express';
import { ReadinessService, type BacklogStatus, type DependencyStatus } from './readiness.service.js';

/** GET /health/live and /health/ready; needs `ReadinessService` and `READINESS_PROBES` among the module's providers. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(ReadinessService) private readonly readiness: ReadinessService) {}

  @Get('live')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Liveness: the process is running and serving HTTP' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every server the service needs answers (503 otherwise); also shows work not yet handed on' })
  async ready(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; dependencies: DependencyStatus[]; backlogs: BacklogStatus[] }> {
    const [dependencies, backlogs] = await Promise.all([this.readiness.check(), this.readiness.backlogs()]);
    const ready = dependencies.every((dependency) => dependency.ready);
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'not-ready', dependencies, backlogs };
  }
}
