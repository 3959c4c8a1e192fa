import type { ManagerView } from '../../../src/domain/projections.js';
import { projectForManager } from '../../../src/domain/projections.js';
import { pathTo, walk } from '../domain/lifecycle/fixtures.js';

/**
 * What a manager was told about `count` people (U_REPORT1, U_REPORT2, ...), each the approved
 * pattern of a real approval, through the manager projection, in the order `toldAsManager` gives.
 */
export function told(count: number): ManagerView[] {
  const { request } = walk(pathTo.approved);
  return Array.from({ length: count }, (_, i) => {
    const view = projectForManager({ ...request, employeeId: `U_REPORT${i + 1}` });
    if (!view) throw new Error('the fixture tells its manager');
    return view;
  });
}
