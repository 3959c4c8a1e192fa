import type { AppServices } from '../../../../services.js';
import { readRequestDocumentation } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/**
 * "Ask for documentation": refused beside the boxes until HR confirms the need is neither obvious
 * nor already documented; then the documentation request and the provider form go to the employee.
 */
export const submitDocumentationRequest = (services: AppServices) =>
  formSubmission(services, 'request_documentation', readRequestDocumentation);
