import type { Building, DemographicField, SkmAnswers } from '@antre/domain';
import { computeIkm, krejcieMorganTarget } from '@antre/domain';
import type { IkmReport } from '@antre/protocol';
import { AGE_BANDS, EDUCATIONS, JOBS, SEXES } from '@antre/protocol';
import type { StoredResponse } from './survey-store';

function figure(answers: SkmAnswers[], served: number) {
  return { ...computeIkm(answers), served, target: krejcieMorganTarget(served) };
}

const PROFILE_ANSWERS: Record<DemographicField, readonly string[]> = {
  ageBand: AGE_BANDS,
  sex: SEXES,
  education: EDUCATIONS,
  job: JOBS,
};

/** Respondents per answer, every answer listed (zero too), then those who skipped it. */
function profileOf(responses: readonly StoredResponse[]): IkmReport['profile'] {
  const counts = (field: DemographicField) => {
    const count = (value: string | null) =>
      responses.filter((r) => r.profile[field] === value).length;
    return [...PROFILE_ANSWERS[field], null].map((value) => ({ value, count: count(value) }));
  };
  return {
    ageBand: counts('ageBand'),
    sex: counts('sex'),
    education: counts('education'),
    job: counts('job'),
  };
}

/**
 * The IKM of the building, each agency and each service, for the visitors served, from the
 * period's answers (of the agency when one is given).
 */
export function ikmReport(
  building: Building,
  responses: readonly StoredResponse[],
  served: ReadonlyMap<string, number>,
  period: { from: string; to: string; agencyId: string | undefined },
): IkmReport {
  const { from, to, agencyId } = period;
  const services = building.services.filter((s) => !agencyId || s.agencyId === agencyId);
  const agencies = building.agencies.filter((a) => !agencyId || a.id === agencyId);
  const answersWhere = (keep: (r: StoredResponse) => boolean) =>
    responses.filter(keep).map((r) => r.answers);
  const servedOf = (serviceIds: string[]) =>
    serviceIds.reduce((total, id) => total + (served.get(id) ?? 0), 0);

  const channels = { phone: 0, kiosk: 0, counter: 0 };
  for (const response of responses) channels[response.channel] += 1;
  return {
    from,
    to,
    profile: profileOf(responses),
    channels,
    building: figure(
      responses.map((r) => r.answers),
      servedOf(services.map((s) => s.id)),
    ),
    agencies: agencies.map((agency) => ({
      agencyId: agency.id,
      name: agency.name,
      ...figure(
        answersWhere((r) => r.agencyId === agency.id),
        servedOf(services.filter((s) => s.agencyId === agency.id).map((s) => s.id)),
      ),
    })),
    services: services.map((service) => ({
      serviceId: service.id,
      name: service.name,
      agencyId: service.agencyId,
      ...figure(
        answersWhere((r) => r.serviceId === service.id),
        servedOf([service.id]),
      ),
    })),
  };
}
