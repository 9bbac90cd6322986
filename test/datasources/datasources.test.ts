import { runSpecs } from '../helpers/spec-bundle';

// Every datasource spec (*.spec.ts in this folder) in one test file, as for test/unit/unit.test.ts.
runSpecs(__dirname);
