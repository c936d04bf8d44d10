/** Test data kept inside the repository; each folder's README names its source, commit and licence. */
import { join } from 'node:path';
import { projectRoot } from './k8s-tools';

/** The real 11-cluster fleet's helmfile values tree (`helmfile.d/admin_ng/values`). */
export const realworldValuesDir = join(projectRoot(), 'test', 'fixtures', 'realworld', 'wmf-deployment-charts', 'helmfile.d', 'admin_ng', 'values');
