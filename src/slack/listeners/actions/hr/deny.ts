import { addBusinessDays } from '../../../../domain/lifecycle/business-days.js';
import { calendarIn } from '../../../../domain/lifecycle/policy.js';
import type { AppServices } from '../../../../services.js';
import { lifecyclePolicy } from '../../../../workflows/lifecycle-policy.js';
import { todayIn } from '../../../../workflows/request-letter.js';
import { denyForm } from '../../../views/hr/decision-forms.js';
import { formButton } from '../../hr-handlers.js';

/** Business days the employee has, by default, to ask for reconsideration. */
const RECONSIDER_WITHIN_DAYS = 10;

/**
 * "Deny": the reason, its explanation, the alternatives considered and the way back, with what
 * the request's jurisdiction adds. The last day to ask again is suggested on the employee's days.
 */
export const deny = (services: AppServices) =>
  formButton(services, 'deny', (request) => {
    const zone = request.work.timeZone;
    const calendar = calendarIn(lifecyclePolicy(services.config).calendar, zone);
    const until = addBusinessDays(services.now(), RECONSIDER_WITHIN_DAYS, calendar);
    return denyForm({
      reference: request.id,
      jurisdiction: request.disclosure.jurisdiction,
      reconsiderBy: todayIn(calendar.timeZone, until),
    });
  });
