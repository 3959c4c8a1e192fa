import { detectClinical } from '../../../../privacy/clinical/index.js';
import type { AppServices } from '../../../../services.js';
import { hrBlocks } from '../../../views/hr/ids.js';
import { readNote } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/**
 * "Add note": HR's own words, checked by the detector like everything else. A note naming a health
 * detail is not saved; HR is told why beside the field, and nothing of it is logged.
 */
export const submitNote = (services: AppServices) =>
  formSubmission(services, 'add_note', readNote, (payload): Record<string, string> => {
    const { text } = payload as { text: string };
    if (text && detectClinical(text).length > 0)
      return {
        [hrBlocks.note]:
          'This note seems to name a health detail. HR doesn’t need one to decide a schedule, so please leave it out; nothing was saved.',
      };
    return {};
  });
