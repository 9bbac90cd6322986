import { runSpecs } from '../helpers/spec-bundle';

// Every operations spec (*.spec.ts in this folder) in one test file: they all build the same app, once here.
runSpecs(__dirname);
