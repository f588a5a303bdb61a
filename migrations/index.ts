import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123125137 } from './Migration20261123125137';
import { Migration20261123132901 } from './Migration20261123132901';
import { Migration20261123135408 } from './Migration20261123135408';
import { Migration20261123140209 } from './Migration20261123140209';
import { Migration20261123142007 } from './Migration20261123142007';
import { Migration20261123150355 } from './Migration20261123150355';
import { Migration20261123160857 } from './Migration20261123160857';
import { Migration20261205090000 } from './Migration20261205090000';
import { Migration20261206000000 } from './Migration20261206000000';
import { Migration20261206010000 } from './Migration20261206010000';
import { Migration20261206061350 } from './Migration20261206061350';

/**
 * Every migration, in order. A new one made by `npm run migration:create` is added here by hand;
 * test/db/migrations.test.ts fails when a file in this folder is missing from the list.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123125137', class: Migration20261123125137 },
  { name: 'Migration20261123132901', class: Migration20261123132901 },
  { name: 'Migration20261123135408', class: Migration20261123135408 },
  { name: 'Migration20261123140209', class: Migration20261123140209 },
  { name: 'Migration20261123142007', class: Migration20261123142007 },
  { name: 'Migration20261123150355', class: Migration20261123150355 },
  { name: 'Migration20261123160857', class: Migration20261123160857 },
  { name: 'Migration20261205090000', class: Migration20261205090000 },
  { name: 'Migration20261206000000', class: Migration20261206000000 },
  { name: 'Migration20261206010000', class: Migration20261206010000 },
  { name: 'Migration20261206061350', class: Migration20261206061350 },
];
