import type { AppServices } from '../../../../services.js';
import { addNoteForm } from '../../../views/hr/forms.js';
import { formButton } from '../../hr-handlers.js';

/** "Add note": HR-only words on the request, sealed at rest and never shown to the employee. */
export const addNote = (services: AppServices) =>
  formButton(services, 'add_note', (request) => addNoteForm(request.id));
