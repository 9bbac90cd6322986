import { runSpecs } from '../helpers/spec-bundle';

// The end-to-end specs that serve the app from this process (*.spec.ts in this folder) in one test file, with one
// build of the app. The suites about processes (signals, start-up, replicas) and the two that spend their time in
// other programs (client-walk's codegen and tsc, push's broker) stay files of their own, so they run beside it.
runSpecs(__dirname);
