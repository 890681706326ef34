#!/usr/bin/env -S node --import tsx
// Development CLI: runs the TypeScript commands in src/ directly (used by the tests; needs tsx).
import { execute } from '@oclif/core';

await execute({ development: true, dir: import.meta.url });
