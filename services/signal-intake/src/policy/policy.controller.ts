import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MunicipalityId, type DistributionPolicyView } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { invalidInput } from '@signaalhub/service-kit';
import { DISTRIBUTION_POLICY, type DistributionPolicy } from './distribution-policy.js';
import { distributionPolicyView } from './distribution-view.js';

const MUNICIPALITY_PARTY_PREFIX = 'gemeente-';

@ApiTags('policy')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/policy')
export class PolicyController {
  constructor(@Inject(DISTRIBUTION_POLICY) private readonly policy: DistributionPolicy) {}

  /** Configuration, not personal data: any signed-in user may read it. */
  @Get('distribution')
  @ApiOperation({
    summary: 'Distribution policy per theme: required, default and allowed extra recipients',
    description: 'Without `municipality`, the caller\'s own municipality is used when the caller acts for one.',
  })
  @ApiQuery({ name: 'municipality', required: false, example: 'soest' })
  @ApiOkResponse({
    description: 'Per theme the recipients the signal form preselects and may add',
    schema: {
      example: {
        municipality: 'soest',
        themes: [
          {
            theme: 'horeca',
            label: 'Horeca',
            requiredRecipients: ['gemeente-soest'],
            defaultRecipients: ['gemeente-soest', 'politie-bes', 'riec-mn'],
            allowedExtras: ['belastingdienst'],
          },
        ],
      },
    },
  })
  distribution(@CurrentIdentity() identity: UserIdentity, @Query('municipality') municipality?: string): DistributionPolicyView {
    if (municipality !== undefined) {
      const parsed = MunicipalityId.safeParse(municipality);
      if (!parsed.success) {
        throw invalidInput([{ field: 'municipality', rule: 'must be a municipality id (lowercase slug)', message: 'Onbekende gemeente-id' }]);
      }
      return distributionPolicyView(this.policy, parsed.data);
    }
    const own = identity.party.startsWith(MUNICIPALITY_PARTY_PREFIX) ? identity.party.slice(MUNICIPALITY_PARTY_PREFIX.length) : null;
    return distributionPolicyView(this.policy, own);
  }
}
