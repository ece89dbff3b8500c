// Types for web.js: the emulator for runtimes without node:http — everything but startEmulator.
export { createMockFetch, createHandler, defaultSeed, DEFAULT_API_KEY, ConnectionDropped } from './index.js';
export type {
  EmulatorOptions, EmulatorControls, EmulatorHandler, MockFetch, FaultSpec, Faults, FaultKind, RequestRecord,
  EmulatorSeed, EmulatorState, TeamMember, SeedLead, Note, JsonValue, Address, LeadFields, Lead, TaskType, Task,
  SourceType, Label, LeadStage, LeadGroup, Product, Page,
} from './index.js';
