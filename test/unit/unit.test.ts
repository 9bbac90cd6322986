import { runSpecs } from '../helpers/spec-bundle';

// Every unit spec (*.spec.ts in this folder) in one test file: half the CPU of one file each, since many of them load
// src/ or build the schema. connection-factory.test.ts stays a file of its own: it builds schemas from its own
// type-graphql classes, which must not meet the app's in type-graphql's process-wide metadata.
runSpecs(__dirname);
