/**
 * Reference data: England's local authorities with children's services and the nine regions,
 * from the reference list (a copy of shared/reference/local-authorities.csv kept in the repo so a
 * fresh clone has it). Loaded at start-up and before tests; loading is idempotent (upsert).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { LocalAuthority } from '../modules/reference/local-authority.entity';
import { Region } from '../modules/reference/region.entity';
import { projectRoot } from '../paths';

export const LOCAL_AUTHORITIES_CSV = path.join(projectRoot, 'src', 'db', 'reference', 'local-authorities.csv');

export interface LocalAuthorityRow {
  ons_code: string;
  dfe_la_code: string;
  ofsted_la_urn: string;
  name: string;
  la_type: string;
  region_code: string;
  region_name: string;
}

export function readLocalAuthorities(file = LOCAL_AUTHORITIES_CSV): LocalAuthorityRow[] {
  const rows: LocalAuthorityRow[] = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  for (const [index, row] of rows.entries()) {
    if (!/^E\d{8}$/.test(row.ons_code) || !/^E12\d{6}$/.test(row.region_code) || !row.name) {
      throw new Error(`${file} line ${index + 2}: not a local authority row`);
    }
  }
  return rows;
}

export async function loadReferenceData(em: EntityManager, rows = readLocalAuthorities()): Promise<void> {
  const regions = new Map(rows.map((row) => [row.region_code, row.region_name]));
  await em.transactional(async (tx) => {
    await tx.upsertMany(
      Region,
      [...regions].map(([code, name]) => ({ code, name })),
    );
    await tx.upsertMany(
      LocalAuthority,
      rows.map((row) => ({
        onsCode: row.ons_code,
        dfeCode: row.dfe_la_code,
        ofstedUrn: row.ofsted_la_urn,
        name: row.name,
        authorityType: row.la_type,
        region: row.region_code,
      })),
    );
  });
}
