import { runSpecs } from '../helpers/spec-bundle';

// The end-to-end specs that serve the app from this process (*.spec.ts in this folder) in one test file, with one
// build of the app. The suites about processes (signals, start-up) and client-walk (its time is in codegen and tsc) stay
// files of their own, so they run beside it; the specs that need RabbitMQ share one broker in push/push.test.ts.
runSpecs(__dirname);
