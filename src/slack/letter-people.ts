import type { webApi } from '@slack/bolt';
import type { AccommodationRequest } from '../domain/request.js';
import type { AppServices } from '../services.js';
import type { LetterPeople } from '../workflows/employee-letter.js';

/** The names a letter signs and addresses with, from the cached profiles. */
export async function letterPeople(
  services: AppServices,
  client: webApi.WebClient,
  request: AccommodationRequest,
): Promise<LetterPeople> {
  const load = (userId: string) => services.profiles.load(client, { teamId: request.teamId, userId });
  const hrId = request.approval?.approvedBy ?? request.alternative?.offeredBy ?? request.assigneeId;
  const [employee, hr, manager] = await Promise.all([
    load(request.employeeId),
    hrId ? load(hrId) : undefined,
    request.managerId && request.managerToldAt ? load(request.managerId) : undefined,
  ]);
  return {
    employeeName: employee.name,
    hrName: hr?.name ?? 'The HR team',
    ...(manager ? { managerName: manager.name } : {}),
  };
}
